package org.thor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Linux's {@code /proc} says of a process: resident set now and at its peak, and the CPU time of
 * all its threads. Zero where there is no {@code /proc} (the figures are then not measured).
 */
record ProcessStats(long rssMegabytes, long peakRssMegabytes, double cpuSeconds) {

    /** Clock ticks per second of {@code /proc/PID/stat}; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessStats of(long pid) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            return new ProcessStats(kilobytes(status, "VmRSS:") / 1024, kilobytes(status, "VmHWM:") / 1024, cpu);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(0, 0, 0);
        }
    }

    /** These figures with the CPU time spent since {@code before}. */
    ProcessStats since(ProcessStats before) {
        return new ProcessStats(rssMegabytes, peakRssMegabytes, cpuSeconds - before.cpuSeconds);
    }

    private static long kilobytes(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
    }
}
