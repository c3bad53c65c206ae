package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.LogStreams;
import org.thor.runtime.ThorWorker;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code thor:top}: a live full-screen view of the connectors and their streams, redrawn every
 * {@code --interval} ms until {@code q}; {@code --once} prints one frame (rates over one interval)
 * for scripts. On a terminal that cannot be drawn on (no size: a pipe, {@code bin/client} with a
 * command) the frames are printed one after the other.
 */
@Service
@Command(scope = "thor", name = "top", description = "Live view of the connectors and their streams: lines/s, MB/s, bytes behind, lost bytes, errors (q quits)")
public class TopCommand implements Action {

    @Reference
    ThorWorker worker;

    /** The log-file connector's, when its bundle runs: the figures of its streams. */
    @Reference(optional = true)
    LogStreams logStreams;

    @Reference
    Session session;

    @Option(name = "--once", description = "Print one frame, its rates measured over one interval, and return")
    boolean once;

    @Option(name = "--interval", aliases = "-d", description = "Milliseconds between frames (default 1000)")
    long interval = 1000;

    @Option(name = "--count", aliases = "-n", description = "Stop after this many frames (default: until q)")
    int count;

    @Override
    public Object execute() throws Exception {
        TopView view = new TopView();
        Terminal terminal = (Terminal) session.get(".jline.terminal");
        Size size = terminal == null ? new Size(0, 0) : terminal.getSize();
        if (once || terminal == null || size.getRows() <= 0 || size.getColumns() <= 0) {
            printFrames(view, System.out, once ? 1 : count);
        } else {
            drawLive(view, terminal);
        }
        return null;
    }

    /** Frames printed one after the other; the first is drawn once a second sample gives its rates. */
    private void printFrames(TopView view, PrintStream out, int frames) throws InterruptedException {
        view.frame(sample(), uptime(), 0);
        for (int frame = 0; frames <= 0 || frame < frames; frame++) {
            Thread.sleep(interval);
            view.frame(sample(), uptime(), 0).forEach(out::println);
            out.println();
            out.flush();
        }
    }

    private void drawLive(TopView view, Terminal terminal) throws Exception {
        Attributes saved = terminal.enterRawMode();
        try {
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.cursor_invisible);
            terminal.flush();
            Display display = new Display(terminal, true);
            NonBlockingReader keys = terminal.reader();
            int frames = 0;
            while (count <= 0 || frames++ < count) {
                Size size = terminal.getSize();
                display.resize(size.getRows(), size.getColumns());
                List<AttributedString> lines = new ArrayList<>();
                for (String line : view.frame(sample(), uptime(), size.getColumns())) {
                    lines.add(new AttributedString(line));
                }
                lines.add(new AttributedString(""));
                lines.add(new AttributedString("q quits"));
                display.update(lines.subList(0, Math.min(lines.size(), size.getRows())), 0);
                int key = keys.read(interval);
                if (key == 'q' || key == 'Q' || key == 3 || key == NonBlockingReader.EOF) {
                    break;
                }
            }
        } finally {
            terminal.setAttributes(saved);
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
        }
    }

    private TopView.Sample sample() {
        List<ConnectorStatus> connectors = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(worker.connectors());
        names.addAll(worker.configErrors().keySet());
        for (String name : names) {
            try {
                connectors.add(worker.status(name));
            } catch (RuntimeException e) {
                // deleted between the listing and the look
            }
        }
        return new TopView.Sample(System.nanoTime(), connectors, logStreams == null ? List.of() : logStreams.figures(null));
    }

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
