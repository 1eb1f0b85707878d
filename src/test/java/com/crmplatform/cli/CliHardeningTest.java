package com.crmplatform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.auth.SignInRefused;
import com.crmplatform.config.Secrets;
import com.crmplatform.importexport.ImportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an installed app runs it: a JVM of its own with the real logging set-up. */
class CliHardeningTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs the launcher in a child JVM, in {@code workDir}, with the production logback.xml. */
    private static Run launch(Path workDir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logback = Path.of("target", "classes", "logback.xml").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(java, "-Dlogback.configurationFile=" + logback, "-cp",
                System.getProperty("java.class.path"), "com.crmplatform.desktop.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GROQ") || k.equals("MONGO_URL") || k.startsWith("CRM_")
                || k.startsWith("GOOGLE"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command returned");
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void stdoutCarriesOnlyTheResultWhenTheLogCannotBeWritten() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("logs"), "a file where the log folder should be");
        Run r = launch(dir, "--data-dir", data.toString(), "seed", "--customers", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"customers\":3,\"orders\":0}", r.out().strip(), "one JSON line and nothing else");
    }

    @Test
    void badOptionsAreOneLineUsageErrors() throws Exception {
        Path data = dir.resolve("data");
        String[][] cases = {
            {"--data-dir", data.toString(), "delivery", "run", "--until-idle", "--batch-size", "0"},
            {"--data-dir", data.toString(), "delivery", "run", "--until-idle", "--lease-seconds", "-10"},
            {"--data-dir", data.toString(), "delivery", "run", "--until-idle", "--vendor-success-rate", "NaN"},
            {"--data-dir", "", "seed", "--customers", "1"},
        };
        for (String[] args : cases) {
            Run r = launch(dir, args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(dir.resolve("logs")), "an empty --data-dir is not the working folder");
    }

    @Test
    void aDotEnvInTheWorkingFolderIsIgnoredAndOneInTheDataFolderIsRead() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path cwd = dir.resolve("downloads");
        Files.createDirectories(cwd);
        Files.writeString(cwd.resolve(".env"), "GROQ_API_KEY=gsk_planted\nGROQ_BASE_URL=http://attacker.example.com/v1\n");
        Run planted = launch(cwd, "--data-dir", data.toString(), "rules", "spent over 10k");
        assertEquals(0, planted.code(), planted.err());
        assertTrue(planted.err().contains("no Groq API key"), "the planted .env was not read: " + planted.err());
        Files.writeString(data.resolve(".env"), "GROQ_API_KEY=gsk_mine\nGROQ_BASE_URL=http://groq.example.com/v1\n");
        Run mine = launch(cwd, "--data-dir", data.toString(), "rules", "spent over 10k");
        assertTrue(mine.err().contains("not https"), "the data folder's .env was read, and plain http refused: " + mine.err());
        Run pointed = launch(cwd, "--data-dir", data.toString(), "--env-file", cwd.resolve(".env").toString(), "rules",
                "spent over 10k");
        assertTrue(pointed.err().contains("not https"), "a file the user points to is read: " + pointed.err());
    }

    @Test
    void aMongoPasswordNeverAppearsInAnError() throws Exception {
        for (String url : new String[] {"mongo://user:pw-secret@host/db", "MONGODB://user:pw-secret@host:1/db?x=",
                "mongodb://:pw-secret@host/db", "mongodb://user:p@w-secret@host/db", "mongodb://user:pw%-secret@h/db",
                "mongodb://user:pw5%SEsecret@127.0.0.1:1/db", "mongodb://127.0.0.1:1/db?authMechanismProperties=AWS_SESSION_TOKEN:secret"}) {
            String masked = Secrets.maskUri(url);
            assertFalse(masked.contains("secret"), masked);
            Run r = launch(dir, "--data-dir", dir.resolve("data").toString(), "--db", url, "segment", "count",
                    "{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">\",\"value\":1}]}");
            assertEquals(1, r.code(), r.err());
            assertFalse(r.err().contains("secret") || r.err().contains("\"SE\""), r.err());
            assertFalse(r.out().contains("secret"), r.out());
        }
        assertEquals("mongodb://ann:****@db.example.com/crm", Secrets.maskUri("mongodb://ann:s3cret@db.example.com/crm"));
    }

    @Test
    void failuresReadAsSentencesNotExceptionNames() {
        assertEquals("Cannot reach the provider.", Cli.userMessage(new SignInRefused("Cannot reach the provider.")));
        assertEquals("Bad file.", Cli.userMessage(new ImportException("Bad file.")));
        String npe = Cli.userMessage(new NullPointerException());
        assertTrue(npe.startsWith("the command failed unexpectedly"), npe);
        assertFalse(Cli.userMessage(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/x")))
                .contains("Exception:"));
    }
}
