package dev.agentcron.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The processes a launcher started, written to its data directory while they run and emptied when it
 * stops them. A launcher that was killed (SIGKILL) cannot stop its children; the next launcher on the same
 * data directory finds them here and stops them first. An entry matches a live process only when the pid
 * and the start time agree, so a reused pid is never touched.
 */
final class ProcessLedger implements AutoCloseable {

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    ProcessLedger(Path file) {
        this.file = file;
    }

    record Entry(String name, long pid, long startMillis) {

        static Optional<Entry> of(String name, ProcessHandle process) {
            return process.info().startInstant().map(start -> new Entry(name, process.pid(), start.toEpochMilli()));
        }

        static Optional<Entry> parse(String line) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** The live process this entry describes, if it still runs. */
        Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid)
                    .filter(Processes::isRunning)
                    .filter(p ->
                            p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startMillis);
        }

        String line() {
            return name + " " + pid + " " + startMillis;
        }
    }

    /** Notes a started process. */
    synchronized void record(String name, ProcessHandle process) {
        Entry.of(name, process).ifPresent(entry -> {
            entries.add(entry);
            write();
        });
    }

    /** Forgets every process: they have all been stopped. */
    synchronized void clear() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LauncherException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops, newest first, every process an earlier launcher recorded and left running.
     *
     * @return how many were still running
     */
    int stopLeftovers(Duration grace, Console console) {
        if (!Files.exists(file)) {
            return 0;
        }
        List<Entry> recorded;
        try {
            recorded = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(Entry::parse)
                    .flatMap(Optional::stream)
                    .toList());
        } catch (IOException e) {
            throw new LauncherException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Collections.reverse(recorded);
        int stopped = 0;
        for (Entry entry : recorded) {
            Optional<ProcessHandle> live = entry.live();
            if (live.isPresent()) {
                console.warn(
                        "Stopping " + entry.name() + " (pid " + entry.pid() + ") left running by an earlier launcher");
                Processes.stop(live.get(), grace);
                stopped++;
            }
        }
        clear();
        return stopped;
    }

    /** Called once every recorded process has been stopped. */
    @Override
    public void close() {
        clear();
    }

    private void write() {
        try {
            Files.write(file, entries.stream().map(Entry::line).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LauncherException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
