package dev.agentcron.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.api.event.matching.EventFilter;
import dev.agentcron.api.event.matching.InputTemplate;
import dev.agentcron.api.event.matching.TopicIndex;
import dev.agentcron.api.event.matching.Topics;
import dev.agentcron.api.event.service.SubscriptionMatcher.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory event matching of one workspace holding {@code subscriptions} subscriptions: {@code trie} is what
 * {@code POST /events} does after its index is cached (topic trie, filter, input template of each match);
 * {@code scan} is the same work checking every subscription's pattern in turn, for comparison; {@code build}
 * is the cost of rebuilding the index after a change. Topics are {@code svcN.entityM.event} over 1,000
 * services, 20 entities and 10 events; patterns are 70% exact, 20% with one {@code *} and 10% ending in
 * {@code >}; a third of them have a filter and all have an input mapping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class TopicMatchBenchmark {

    private static final String[] EVENTS = {
        "created", "updated", "deleted", "failed", "succeeded", "retried", "paused", "resumed", "expired", "archived"
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    @Param({"100000"})
    int subscriptions;

    private List<Candidate> candidates;
    private TopicIndex<Candidate> index;
    private String[] topics;
    private JsonNode data;
    private int next;

    @Setup
    public void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        JsonNode filter = JSON.readTree("{\"status\": 422}");
        JsonNode mapping =
                JSON.readTree("{\"data\": {\"error\": \"{event.data.error}\", \"status\": \"{event.data.status}\"},"
                        + " \"about\": \"{event.topic} #{event.id}\"}");
        candidates = new ArrayList<>(subscriptions);
        for (int i = 0; i < subscriptions; i++) {
            String service = "svc" + random.nextInt(1000);
            String entity = "entity" + random.nextInt(20);
            String event = EVENTS[random.nextInt(EVENTS.length)];
            int kind = random.nextInt(10);
            String pattern = kind < 7
                    ? service + "." + entity + "." + event
                    : kind < 9 ? service + ".*." + event : service + "." + entity + ".>";
            if (!Topics.checkPattern("topic", pattern).isEmpty()) {
                throw new IllegalStateException(pattern);
            }
            candidates.add(
                    new Candidate("sub_" + i, "agt_" + (i % 1000), pattern, i % 3 == 0 ? filter : null, mapping));
        }
        index = TopicIndex.of(candidates, Candidate::topic);
        topics = new String[4096];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = "svc" + random.nextInt(1000) + ".entity" + random.nextInt(20) + "."
                    + EVENTS[random.nextInt(EVENTS.length)];
        }
        data = JSON.readTree("{\"status\": 422, \"error\": \"drift\", \"run\": {\"id\": \"r-9\"}}");
    }

    private String nextTopic() {
        next = (next + 1) & (topics.length - 1);
        return topics[next];
    }

    @Benchmark
    public int trie() {
        String topic = nextTopic();
        return render(topic, index.match(topic));
    }

    @Benchmark
    public int scan() {
        String topic = nextTopic();
        List<Candidate> matched = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (matches(candidate.topic(), topic)) {
                matched.add(candidate);
            }
        }
        return render(topic, matched);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TopicIndex<Candidate> build() {
        return TopicIndex.of(candidates, Candidate::topic);
    }

    private int render(String topic, List<Candidate> matched) {
        int runs = 0;
        InputTemplate.Event event = new InputTemplate.Event("evt_1", topic, data);
        for (Candidate candidate : matched) {
            if (EventFilter.matches(candidate.filter(), data)) {
                runs += InputTemplate.render(candidate.inputMapping(), event).size();
            }
        }
        return runs;
    }

    /** A plain pattern check, token by token. */
    private static boolean matches(String pattern, String topic) {
        String[] p = Topics.tokens(pattern);
        String[] t = Topics.tokens(topic);
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals(Topics.REST)) {
                return t.length > i;
            }
            if (i >= t.length || !p[i].equals(Topics.ONE) && !p[i].equals(t[i])) {
                return false;
            }
        }
        return p.length == t.length;
    }
}
