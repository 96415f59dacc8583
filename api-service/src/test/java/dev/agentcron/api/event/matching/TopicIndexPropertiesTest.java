package dev.agentcron.api.event.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The trie index agrees with a plain token-by-token matcher on every pattern set and topic. */
class TopicIndexPropertiesTest {

    /** The reference: walks pattern and topic tokens side by side. */
    static boolean reference(String pattern, String topic) {
        String[] p = pattern.split("\\.", -1);
        String[] t = topic.split("\\.", -1);
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals(">")) {
                return i == p.length - 1 && t.length > i;
            }
            if (i >= t.length) {
                return false;
            }
            if (!p[i].equals("*") && !p[i].equals(t[i])) {
                return false;
            }
        }
        return p.length == t.length;
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.of("a", "b", "c", "order", "x1")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(tokens -> String.join(".", tokens));
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<List<String>> body = Arbitraries.of("a", "b", "c", "order", "x1", "*")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5);
        return Combinators.combine(body, Arbitraries.of(false, false, true)).as((tokens, rest) -> {
            List<String> all = new ArrayList<>(tokens);
            if (rest) {
                all.set(all.size() - 1, ">");
            }
            return String.join(".", all);
        });
    }

    @Property(tries = 500)
    void theIndexFindsExactlyThePatternsTheReferenceMatches(
            @ForAll("patternLists") List<String> patterns, @ForAll("topics") String topic) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            ids.add(i);
        }
        TopicIndex<Integer> index = TopicIndex.of(ids, patterns::get);

        List<Integer> expected =
                ids.stream().filter(i -> reference(patterns.get(i), topic)).toList();
        assertThat(index.match(topic)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<List<String>> patternLists() {
        return patterns().list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 300)
    void aTopicWithSomeTokensWildcardedStillMatches(
            @ForAll("topics") String topic, @ForAll("masks") List<Boolean> mask, @ForAll boolean tail) {
        String[] tokens = topic.split("\\.");
        String[] pattern = Arrays.copyOf(tokens, tokens.length);
        for (int i = 0; i < pattern.length && i < mask.size(); i++) {
            if (mask.get(i)) {
                pattern[i] = "*";
            }
        }
        if (tail) {
            pattern[pattern.length - 1] = ">";
        }
        String joined = String.join(".", pattern);

        assertThat(Topics.checkPattern("topic", joined)).isEmpty();
        assertThat(TopicIndex.of(List.of(joined), p -> p).match(topic)).containsExactly(joined);
    }

    @Provide
    Arbitrary<List<Boolean>> masks() {
        return Arbitraries.of(true, false).list().ofSize(5);
    }

    @Property(tries = 300)
    void everyGeneratedPatternIsValidAndNoPatternMatchesATopicOfAnotherLength(
            @ForAll("patterns") String pattern, @ForAll("topics") String topic) {
        assertThat(Topics.checkPattern("topic", pattern)).isEmpty();
        boolean hasRest = pattern.endsWith(">");
        int patternTokens = pattern.split("\\.").length;
        int topicTokens = topic.split("\\.").length;
        if (!hasRest && patternTokens != topicTokens || hasRest && topicTokens < patternTokens) {
            assertThat(TopicIndex.of(List.of(pattern), p -> p).match(topic)).isEmpty();
        }
    }
}
