package shop.opensearchlocal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A node whose plugins are classes on the classpath rather than a plugins/ folder of a distribution.
 * The test framework's MockNode does the same, but it brings randomizedtesting, whose presence makes the
 * server ask for a test runner's random context and fail outside one.
 */
final class LocalNode extends Node {
    LocalNode(Settings settings, Path configDir, Collection<Class<? extends Plugin>> plugins) {
        super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), configDir, () -> "opensearch-local"), plugins, true);
    }
}
