package shop.opensearchlocal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts one OpenSearch node in this JVM on 127.0.0.1, prints "opensearch-local ready http://127.0.0.1:PORT"
 * once it answers, and closes it on SIGTERM, SIGINT or (with --watch-stdin) when standard input closes,
 * which is how it notices that the process that started it has gone.
 *
 * Usage: java -Xmx512m -jar opensearch-local.jar --data DIR [--port N] [--watch-stdin]
 */
public final class Main {
    private static final String USAGE = "usage: opensearch-local --data DIR [--port N] [--watch-stdin]";

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 0;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Paths.get(value(args, ++i)).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--watch-stdin" -> watchStdin = true;
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (data == null) fail("--data is required");
        if (port < 0 || port > 65535) fail("--port must be 0-65535");
        Files.createDirectories(data);

        // The node's own close runs in the shutdown hook below; log4j must still be up to report it.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        Settings settings = Settings.builder()
            .put("path.home", data.toString())
            .put("path.data", data.resolve("data").toString())
            .put("path.logs", data.resolve("logs").toString())
            .put("cluster.name", "opensearch-local")
            .put("node.name", "opensearch-local")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            // The transport layer only speaks to itself in a single-node cluster: any free port.
            .put("transport.port", 0)
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // A developer's nearly full disk must not turn every index read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("logger.level", System.getProperty("opensearch.local.log", "WARN"))
            .build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);

        long started = System.nanoTime();
        Path config = data.resolve("config");
        Files.createDirectories(config);
        Node node = new LocalNode(
            settings,
            config,
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class, MapperExtrasPlugin.class)
        );
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("opensearch-local: close failed: " + e);
            } finally {
                closed.countDown();
            }
        }, "opensearch-local-shutdown"));

        node.start();
        node.client().admin().cluster().prepareHealth().setWaitForYellowStatus().setTimeout(TimeValue.timeValueMinutes(2)).get();
        int bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("opensearch-local ready http://127.0.0.1:" + bound + " in " + millis + " ms");
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) >= 0) {
                        // Whatever the parent writes is ignored; only the end of the stream matters.
                    }
                } catch (IOException ignored) {
                    // A broken pipe means the same as a closed one.
                }
                System.exit(0);
            }, "opensearch-local-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        closed.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) fail("missing value for " + args[i - 1]);
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("opensearch-local: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
