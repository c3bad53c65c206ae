package org.thor.benchmark;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The benchmark's figures as PNG charts (JFreeChart). */
final class Charts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    /** Lines/s and CPU seconds per million lines of each tool, one bar per tool and round. */
    static void throughput(List<Result> results, String title, Path directory) throws IOException {
        DefaultCategoryDataset speed = new DefaultCategoryDataset();
        DefaultCategoryDataset cpu = new DefaultCategoryDataset();
        for (Result result : results) {
            String round = "round " + result.round();
            speed.addValue(result.linesPerSecond(), round, result.name());
            if (result.stats() != null && result.stats().cpuSeconds() > 0) {
                cpu.addValue(result.stats().cpuSeconds() * 1_000_000 / result.lines(), round, result.name());
            }
        }
        save(ChartFactory.createBarChart(title, null, "lines/s", speed, PlotOrientation.HORIZONTAL, true, false, false),
                directory.resolve("throughput.png"));
        save(ChartFactory.createBarChart("CPU seconds per million lines (the tool's process, all threads)", null,
                "CPU s / M lines", cpu, PlotOrientation.HORIZONTAL, true, false, false), directory.resolve("cpu.png"));
    }

    /** Lines/s (over each half second) and RSS over time, one series per tool and round. */
    static void overTime(List<Result> results, Path directory) throws IOException {
        XYSeriesCollection speed = new XYSeriesCollection();
        XYSeriesCollection rss = new XYSeriesCollection();
        for (Result result : results) {
            String name = result.name() + ", round " + result.round();
            XYSeries linesPerSecond = new XYSeries(name);
            XYSeries megabytes = new XYSeries(name);
            List<Timeline.Sample> samples = result.timeline();
            for (int i = 0; i < samples.size(); i++) {
                Timeline.Sample sample = samples.get(i);
                Timeline.Sample earlier = samples.get(Math.max(0, i - 5));
                if (sample.seconds() > earlier.seconds()) {
                    linesPerSecond.add(sample.seconds(), (sample.records() - earlier.records()) / (sample.seconds() - earlier.seconds()));
                }
                if (sample.rssMegabytes() > 0) {
                    megabytes.add(sample.seconds(), sample.rssMegabytes());
                }
            }
            speed.addSeries(linesPerSecond);
            if (!megabytes.isEmpty()) {
                rss.addSeries(megabytes);
            }
        }
        save(ChartFactory.createXYLineChart("lines/s over time (from the tool's start)", "s", "lines/s", speed,
                PlotOrientation.VERTICAL, true, false, false), directory.resolve("lines-per-second-over-time.png"));
        save(ChartFactory.createXYLineChart("RSS over time (the tool's process)", "s", "MB", rss,
                PlotOrientation.VERTICAL, true, false, false), directory.resolve("rss-over-time.png"));
    }

    /** The share of lines that reached Kafka within each latency. */
    static void latency(LatencyRun.Latencies latencies, String title, Path directory) throws IOException {
        XYSeries cumulative = new XYSeries("lines within (%)");
        long[] sorted = latencies.sortedMillis();
        for (int i = 0; i < sorted.length; i++) {
            if (i == sorted.length - 1 || sorted[i + 1] != sorted[i]) {
                cumulative.add(sorted[i], 100.0 * (i + 1) / sorted.length);
            }
        }
        save(ChartFactory.createXYLineChart(title, "append-to-Kafka latency (ms)", "lines within it (%)",
                new XYSeriesCollection(cumulative), PlotOrientation.VERTICAL, false, false, false), directory.resolve("latency.png"));
    }

    /** The Karaf JVM's RSS and heap, each second of a broker outage. */
    static void outage(OutageRun.Outage outage, String title, Path directory) throws IOException {
        XYSeries rss = new XYSeries("RSS");
        XYSeries used = new XYSeries("heap used");
        XYSeries committed = new XYSeries("heap committed");
        for (OutageRun.Sample sample : outage.samples()) {
            rss.add(sample.second(), sample.rssMegabytes());
            used.add(sample.second(), sample.heapUsedMegabytes());
            committed.add(sample.second(), sample.heapCommittedMegabytes());
        }
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(rss);
        series.addSeries(committed);
        series.addSeries(used);
        save(ChartFactory.createXYLineChart(title, "s into the outage", "MB", series,
                PlotOrientation.VERTICAL, true, false, false), directory.resolve("outage-memory.png"));
    }

    private static void save(JFreeChart chart, Path png) throws IOException {
        Files.createDirectories(png.getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        System.out.println("chart: " + png);
    }
}
