package vn.teleconsult.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logs the scripts write (app.log, postgres.log, janus.log) are readable by their owner and group only. */
class LogFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private String privateLog(String file) throws IOException, InterruptedException {
        var process = new ProcessBuilder(
                        "bash",
                        "-c",
                        "umask 022 && . \"$1\" && private_log \"$2\" && stat -c %a \"$2\"",
                        "private-log",
                        ROOT.resolve("infra/scripts/private-log.sh").toString(),
                        file)
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "private_log did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void shouldCreateLogsReadableByOwnerAndGroupOnly() throws Exception {
        assertEquals("640", privateLog(dir.resolve("app.log").toString()));
    }

    @Test
    void shouldNarrowALogThatIsAlreadyWorldReadableAndKeepItsContent() throws Exception {
        Path old = dir.resolve("postgres.log");
        Files.writeString(old, "earlier lines\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals("640", privateLog(old.toString()));
        assertEquals("earlier lines\n", Files.readString(old));
    }

    @Test
    void shouldHaveEveryScriptThatWritesALogUsePrivateLog() throws IOException {
        assertTrue(Files.readString(ROOT.resolve("teleconsult")).contains("private_log \"$run_dir/app.log\""));
        assertTrue(Files.readString(ROOT.resolve("infra/postgres/pg.sh")).contains("private_log \"$log\" postgres"));
        assertTrue(Files.readString(ROOT.resolve("infra/scripts/janus.sh")).contains("private_log \"$log\""));
    }
}
