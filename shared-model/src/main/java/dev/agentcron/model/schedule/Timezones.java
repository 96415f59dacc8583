package dev.agentcron.model.schedule;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** IANA time zone names as the API accepts them: exact, or differing only in letter case. */
final class Timezones {

    static final ZoneId UTC = ZoneId.of("UTC");

    private static final String EXAMPLE = "America/New_York";
    private static final Map<String, String> BY_LOWER_CASE = new HashMap<>();
    private static final Map<String, String> BY_LETTERS = new TreeMap<>();

    static {
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            BY_LOWER_CASE.put(id.toLowerCase(Locale.ROOT), id);
            BY_LETTERS.putIfAbsent(letters(id), id);
        }
    }

    private Timezones() {}

    /** The zone a name denotes; {@code america/new_york} is read as {@code America/New_York}. */
    static Optional<ZoneId> find(String name) {
        return Optional.ofNullable(BY_LOWER_CASE.get(name.trim().toLowerCase(Locale.ROOT)))
                .map(ZoneId::of);
    }

    /** Why a name is refused, suggesting the zone the user probably meant. */
    static String unknownMessage(String name) {
        return "unknown time zone '" + name + "'; use an IANA name such as " + suggestion(name);
    }

    /** The zone whose name differs least (same letters, else within two edits; the first by name on a tie), else an example. */
    private static String suggestion(String name) {
        String key = letters(name);
        String same = BY_LETTERS.get(key);
        if (same != null) {
            return same;
        }
        String best = EXAMPLE;
        int bestDistance = 3;
        for (Map.Entry<String, String> zone : BY_LETTERS.entrySet()) {
            int distance = distance(key, zone.getKey(), bestDistance);
            if (distance < bestDistance
                    || distance == bestDistance
                            && distance < 3
                            && zone.getValue().compareTo(best) < 0) {
                best = zone.getValue();
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance, or {@code limit} when it is at least that. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }

    private static String letters(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/+-]", "");
    }
}
