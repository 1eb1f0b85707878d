package com.crmplatform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every UI text key used in FXML (%key) or Java (messages.get("key")) is in the bundle. */
class MessagesBundleTest {

    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-zA-Z0-9.]+)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("(?:messages\\.get|\\bget)\\(\\s*\"([a-z][a-zA-Z0-9]*\\.[a-zA-Z0-9.]+)\"");
    private static final Pattern ANY_QUOTED_KEY = Pattern.compile("\"((?:nav|placeholder|status|order|customer|import|action)\\.[a-zA-Z0-9.]+)\"");

    @Test
    void everyKeyInFxmlAndJavaIsInTheBundle() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("com.crmplatform.messages", Locale.ENGLISH);
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.toString();
                boolean uiJava = name.endsWith(".java") && !name.contains("/bench/") && !name.endsWith("BenchCommand.java"); // JSON keys, not texts
                if (!name.endsWith(".fxml") && !uiJava) {
                    continue;
                }
                String text = Files.readString(f);
                for (Pattern p : name.endsWith(".fxml") ? new Pattern[] {FXML_KEY}
                        : new Pattern[] {JAVA_KEY, ANY_QUOTED_KEY}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 50, "found the keys in use: " + used.size());
        Set<String> missing = new TreeSet<>();
        for (String key : used) {
            // "rule.field." + name: a prefix completed at run time; some keys must carry it
            boolean ok = key.endsWith(".") ? bundle.keySet().stream().anyMatch(k -> k.startsWith(key)) : bundle.containsKey(key);
            if (!ok) {
                missing.add(key);
            }
        }
        assertEquals(Set.of(), missing);
    }
}
