package com.crmplatform.cli;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.auth.BrowserOpener;
import com.crmplatform.auth.GoogleSignIn;
import com.crmplatform.auth.SessionManager;
import com.crmplatform.auth.SignInConfig;
import com.crmplatform.auth.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** login, whoami and logout: the same sign-in as the window, on the command line. */
final class AuthCommands {

    private AuthCommands() {
    }

    private static GoogleSignIn.Settings settings(CrmCommand root, Path dataDir) {
        return SignInConfig.signIn(root.loader(), dataDir).orElseThrow(() -> new IllegalArgumentException(
                "Sign-in is not configured: set GOOGLE_CLIENT_ID (and GOOGLE_CLIENT_SECRET); without it the app works in "
                        + "local mode as the operating-system user."));
    }

    @Command(name = "login", description = "Signs in in the system browser; prints {\"email\": ..., \"name\": ...}.")
    static final class Login implements Callable<Integer> {
        @ParentCommand
        CrmCommand root;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path dataDir = root.config().dataDir();
            ExecutorService background = BackgroundExecutor.create(); // daemon threads: the answer is received on them
            GoogleSignIn signIn = new GoogleSignIn(settings(root, dataDir), new TokenStore(dataDir), Clock.systemUTC(),
                    background);
            BrowserOpener browser = new BrowserOpener(root.loader().environment());
            TokenStore.StoredSession s;
            try {
                s = signIn.signIn(url -> {
                    spec.commandLine().getErr().println("Opening the browser to sign in. If it does not open, visit:\n" + url);
                    spec.commandLine().getErr().flush();
                    browser.accept(url);
                }, () -> false);
            } finally {
                background.shutdownNow();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("email", s.email());
            out.put("name", s.name());
            Json.print(spec.commandLine().getOut(), out);
            return 0;
        }
    }

    @Command(name = "whoami", description = "Prints the signed-in identity as JSON, or exits with 1 when nobody is signed in.")
    static final class WhoAmI implements Callable<Integer> {
        @ParentCommand
        CrmCommand root;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path dataDir = root.config().dataDir();
            SessionManager sessions = new SessionManager(settings(root, dataDir), new TokenStore(dataDir), Clock.systemUTC(),
                    SignInConfig.offlineGrace(root.loader()));
            var current = sessions.current().orElseThrow(() -> new IllegalArgumentException("Nobody is signed in; run login."));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("email", current.session().email());
            out.put("name", current.session().name());
            out.put("offline", current.offline());
            Json.print(spec.commandLine().getOut(), out);
            return 0;
        }
    }

    @Command(name = "logout", description = "Signs out: deletes the stored tokens and identity.")
    static final class Logout implements Callable<Integer> {
        @ParentCommand
        CrmCommand root;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            new TokenStore(root.config().dataDir()).delete();
            Json.print(spec.commandLine().getOut(), Map.of("signedOut", true));
            return 0;
        }
    }
}
