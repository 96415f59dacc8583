package dev.agentcron.api.thread.rest;

/** OpenAPI texts of threads and chat. */
final class ThreadDocs {

    private ThreadDocs() {}

    static final String AGENT_ID = "Agent id (`agt_…`) or slug.";
    static final String THREAD_ID = "Thread id (`thr_…`) of this agent.";

    static final String CREATE = "Creates an empty conversation thread of the agent; `title` defaults to"
            + " \"New Conversation\". Send messages with `POST /agents/{id}/chat`.";
    static final String LIST = "The agent's threads, most recently updated first, with their message and token"
            + " counts. A thread idle for `agentcron.threads.auto-archive-after-days` days (default 30) is archived"
            + " (`archived_at` set) and refuses new chat turns.";
    static final String MESSAGES =
            "The thread's messages, oldest first: the user's messages and the agent's answers" + " with their tokens.";
    static final String DELETE = "Deletes the thread and its messages. Its runs stay in the run history.";
    static final String CHAT = """
            Sends a message in one of the agent's threads and streams the agent's answer. The message is stored, a \
            run with `trigger: chat` is queued, and the response **is** that run's event stream, with the same \
            events and ids as `GET /runs/{id}/events` (see there): `thread.run.created` first (it names the run), \
            `thread.message.delta` as the answer is written, tool calls and results, then `thread.run.completed` \
            (with `usage`) or `thread.run.failed`, then `data: [DONE]`. Disconnecting does not cancel the run: \
            resume with `GET /runs/{id}/events` and `Last-Event-ID`.

            The model receives the agent's system prompt and the thread's history, oldest messages dropped first \
            beyond the history token budget. `/help`, `/remember <text>` (stores a memory) and `/memories` (lists \
            them) are answered without a model call.

            Rules: one run at a time per thread (a second chat while one runs: 409); an empty message or one over \
            `agentcron.chat.max-message-chars` (default 32,000): 400; an archived thread: 409; an unknown thread or \
            another agent's: 404. Chat runs are not subject to `overlap` or `daily_limit`, but to `max_turns`, \
            `max_budget_usd` and the run timeout.

            With an `Idempotency-Key`, a retry of the same request streams the first request's run again from \
            the start (`Idempotent-Replayed: true`) and stores nothing new.""";
}
