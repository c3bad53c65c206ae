package org.thor.runtime.rest;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.thor.runtime.LogStreams;

/**
 * {@code GET /metrics} on the REST listeners: Thor's counters, Connect's metrics and the JVM's, in
 * Prometheus' text format, or OpenMetrics when the {@code Accept} header asks for it (as
 * Prometheus itself does). Behind the same authentication as the rest of the API.
 */
@Path("/metrics")
public final class MetricsResource {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();

    MetricsResource(LogStreams streams) {
        registry.register(new ThorMetrics(streams));
        registry.register(new ConnectMetrics());
        JvmMetrics.builder().register(registry);
    }

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        MetricSnapshots snapshots = registry.scrape();
        StreamingOutput body = out -> writer.write(out, snapshots);
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, writer.getContentType()).build();
    }
}
