package dev.tokensmith.cli;

import dev.tokensmith.core.format.Provenance;
import dev.tokensmith.math.MathBackends;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith doctor}: what this installation found (Java, the math backends and why one was chosen). */
@Command(
        name = "doctor",
        description = {
            "Report the environment: Tokensmith and Java versions, and every embedding-math backend with whether it",
            "is available (and why not) and which one a command would use (--backend, -Dtokensmith.backend or",
            "$TOKENSMITH_BACKEND choose one by name)."
        })
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Option(names = "--backend", paramLabel = "NAME", description = "Show what choosing this backend by name would do.")
    String backend;

    @Override
    public Integer call() {
        var out = root.out();
        out.println("tokensmith " + Provenance.currentVersion());
        out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        for (String line : MathBackends.doctor(backend)) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
