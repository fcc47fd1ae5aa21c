package io.camelgenesys.quarkus.core.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the classes of a module from its jar (or its {@code target/classes} in a reactor build), through the plain
 * class path rather than Quarkus or Jandex: what the tests compare the build items with.
 */
final class JarClasses {

    private JarClasses() {
    }

    /** The classes of the jar or directory holding {@code anchor} whose resource path matches {@code path}. */
    static Set<String> of(String anchor, Predicate<String> path) {
        String resource = anchor.replace('.', '/') + ".class";
        URL url = ClassLoader.getSystemClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(anchor + " is not on the test class path");
        }
        Set<String> classes = new TreeSet<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                String file = url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
                try (JarFile jar = new JarFile(file)) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        add(classes, e.nextElement().getName(), path);
                    }
                }
            } else {
                Path root = Path.of(url.toURI());
                for (int i = 0; i < anchor.split("\\.").length; i++) {
                    root = root.getParent();
                }
                Path base = root;
                try (Stream<Path> files = Files.walk(base)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> add(classes, base.relativize(f).toString().replace('\\', '/'), path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("No class matched in the module of " + anchor + " (" + url + ")");
        }
        return classes;
    }

    /** Every class of a {@code model} package: {@code io/camelgenesys/<module>/model/...}. */
    static boolean modelPackage(String path) {
        return path.matches("io/camelgenesys/[a-z0-9_]+/model/.*");
    }

    private static void add(Set<String> classes, String entry, Predicate<String> path) {
        if (entry.endsWith(".class") && !entry.endsWith("package-info.class") && !entry.endsWith("module-info.class")
            && path.test(entry)) {
            classes.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
