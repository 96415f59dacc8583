package dev.agentcron.api.event.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An immutable token trie of topic patterns: matching a topic walks at most the literal, {@code *} and
 * {@code >} branches along its tokens, so its cost depends on the topic and the patterns that share its
 * prefixes, not on how many patterns the index holds.
 *
 * @param <V> what a pattern stands for (a subscription)
 */
public final class TopicIndex<V> {

    private static final class Node<V> {
        final Map<String, Node<V>> literal = new HashMap<>(4);
        Node<V> one;
        final List<V> here = new ArrayList<>(1);
        final List<V> rest = new ArrayList<>(1);
    }

    private final Node<V> root;
    private final int size;

    private TopicIndex(Node<V> root, int size) {
        this.root = root;
        this.size = size;
    }

    /** An index of {@code values} by the pattern {@code pattern} gives each (patterns must be valid). */
    public static <V> TopicIndex<V> of(Collection<V> values, Function<V, String> pattern) {
        Node<V> root = new Node<>();
        for (V value : values) {
            Node<V> node = root;
            String[] tokens = Topics.tokens(pattern.apply(value));
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                if (token.equals(Topics.REST)) {
                    node.rest.add(value);
                    node = null;
                    break;
                }
                if (token.equals(Topics.ONE)) {
                    if (node.one == null) {
                        node.one = new Node<>();
                    }
                    node = node.one;
                } else {
                    node = node.literal.computeIfAbsent(token, t -> new Node<>());
                }
            }
            if (node != null) {
                node.here.add(value);
            }
        }
        return new TopicIndex<>(root, values.size());
    }

    /** How many patterns the index holds. */
    public int size() {
        return size;
    }

    /** Every value whose pattern matches {@code topic}, in no particular order. */
    public List<V> match(String topic) {
        List<V> out = new ArrayList<>();
        collect(root, Topics.tokens(topic), 0, out);
        return out;
    }

    private static <V> void collect(Node<V> node, String[] tokens, int at, List<V> out) {
        if (at == tokens.length) {
            out.addAll(node.here);
            return;
        }
        out.addAll(node.rest);
        Node<V> next = node.literal.get(tokens[at]);
        if (next != null) {
            collect(next, tokens, at + 1, out);
        }
        if (node.one != null) {
            collect(node.one, tokens, at + 1, out);
        }
    }
}
