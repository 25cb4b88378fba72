package io.github.camelicloud.testing;

import org.apache.camel.Component;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run on the shaded jar alone ({@link JarProcess#onJar}): resolves each Camel component named on the command
 * line the way a route does (Camel's FactoryFinder, {@code META-INF/services/org/apache/camel/component/NAME}),
 * and prints {@code NAME OK class}, {@code NAME MISSING} or {@code NAME BROKEN reason} per line.
 */
public final class ComponentProbe {

    private ComponentProbe() {
    }

    public static void main(String[] schemes) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (String scheme : schemes) {
                try {
                    Component component = camel.getComponent(scheme, true, false);
                    System.out.println(scheme + (component == null ? " MISSING"
                            : " OK " + component.getClass().getName()));
                } catch (RuntimeException | LinkageError e) {
                    System.out.println(scheme + " BROKEN " + e);
                }
            }
        }
    }
}
