package com.crmplatform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.config.ConfigLoader;
import com.crmplatform.store.TcpProxy;
import com.crmplatform.sync.StandInBehindProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync commands and the data commands in team mode, online and offline, as a script sees them. */
class SyncCliTest {

    @TempDir
    Path dir;
    StandInBehindProxy team;
    TcpProxy proxy;
    String url;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }

        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void start() throws Exception {
        team = new StandInBehindProxy();
        proxy = team.proxy();
        url = team.url("crm-cli");
    }

    @AfterEach
    void stop() {
        team.close();
    }

    private Run run(String workstation, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConfigLoader loader = new ConfigLoader(Map.of(), null, "Linux", dir.toString());
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dir.resolve(workstation).toString();
        all[2] = "--db";
        all[3] = url;
        System.arraycopy(args, 0, all, 4, args.length);
        int code = Cli.run(loader, new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    private Path csv(String name, String... rows) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "name,email,phone,city\n" + String.join("\n", rows) + "\n");
        return file;
    }

    @Test
    void dataCommandsWorkOnTheReplicaOfflineAndTheirChangesArePushedLater() throws Exception {
        Run seeded = run("a", "import", "customers", csv("one.csv", "Asha Rao,asha@example.com,,Pune").toString());
        assertEquals(0, seeded.code(), seeded.err());
        assertEquals("", seeded.err(), "online: nothing to say");
        Run other = run("b", "segment", "count", "{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">=\",\"value\":0}]}");
        assertEquals(1, other.json().get("count").asLong(), "b sees a's import: the command pulled first");

        proxy.cut();
        Run offline = run("a", "import", "customers", csv("two.csv", "Bo Chen,bo@example.com,,Goa").toString());
        assertEquals(0, offline.code(), offline.err());
        assertEquals(1, offline.err().strip().lines().count(), "one line on stderr: " + offline.err());
        assertTrue(offline.err().startsWith("offline:"), offline.err());
        assertEquals(1, offline.json().get("created").asInt(), "the JSON says nothing different: " + offline.out());

        Run status = run("a", "sync", "status");
        assertEquals(0, status.code(), status.err());
        JsonNode s = status.json();
        assertFalse(s.get("online").asBoolean());
        assertEquals(1, s.get("pending").asLong());
        assertEquals(0, s.get("conflicts").asLong());
        assertTrue(s.get("lastSync").isTextual(), status.out());

        Run failed = run("a", "sync");
        assertEquals(1, failed.code());
        assertEquals(1, failed.err().strip().lines().count(), failed.err());
        assertTrue(failed.err().contains("Cannot reach"), failed.err());

        Run campaign = run("a", "campaign", "create", "--name", "X", "--rules",
                "{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">=\",\"value\":0}]}", "--message", "Hi {name}");
        assertEquals(1, campaign.code());
        assertTrue(campaign.err().contains("needs the central MongoDB database"), campaign.err());

        proxy.restore();
        Run synced = run("a", "sync");
        assertEquals(0, synced.code(), synced.err());
        assertEquals(0, synced.json().get("pending").asLong());
        assertTrue(synced.json().get("online").asBoolean());
        Run seen = run("b", "export", "customers", dir.resolve("b.csv").toString());
        assertEquals(0, seen.code(), seen.err());
        assertTrue(Files.readString(dir.resolve("b.csv")).contains("bo@example.com"));
    }

    @Test
    void aConflictIsListedAndResolvedFromTheCommandLine() throws Exception {
        assertEquals(0, run("a", "import", "customers", csv("one.csv", "Asha Rao,asha@example.com,,Pune").toString()).code());
        assertEquals(0, run("b", "sync").code());
        proxy.cut();
        assertEquals(0, run("a", "import", "customers", csv("a.csv", "Asha Rao,asha@example.com,,Delhi").toString()).code());
        assertEquals(0, run("b", "import", "customers", csv("b.csv", "Asha Rao,asha@example.com,,Chennai").toString()).code());
        proxy.restore();
        assertEquals(0, run("a", "sync").code());
        assertEquals(0, run("b", "sync").code());

        Run conflicts = run("b", "sync", "conflicts");
        assertEquals(0, conflicts.code(), conflicts.err());
        assertEquals(1, conflicts.lines().size(), conflicts.out());
        JsonNode c = new ObjectMapper().readTree(conflicts.lines().get(0));
        assertEquals("asha@example.com", c.get("record").asText());
        assertEquals("city", c.get("field").asText());
        assertEquals("Chennai", c.get("mine").asText());
        assertEquals("Delhi", c.get("theirs").asText());
        assertEquals(1, run("b", "sync", "status").json().get("conflicts").asLong());

        Run resolved = run("b", "sync", "resolve", c.get("id").asText(), "mine");
        assertEquals(0, resolved.code(), resolved.err());
        assertEquals(0, run("b", "sync", "status").json().get("conflicts").asLong());
        assertEquals(0, run("a", "sync").code());
        run("a", "export", "customers", dir.resolve("a-out.csv").toString());
        assertTrue(Files.readString(dir.resolve("a-out.csv")).contains("Chennai"), "b's choice reached a");

        Run bad = run("b", "sync", "resolve", "999", "theirs");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("no conflict 999"), bad.err());
        Run badChoice = run("b", "sync", "resolve", "1", "both");
        assertEquals(2, badChoice.code());
    }
}
