package dev.tokensmith.math;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * One OMP case written by {@code scripts/omp-fixtures.py} under {@code /omp/<name>/} on the class path: the
 * data, the options, and what scikit-learn's {@code orthogonal_mp_gram} (or the numpy reference, as
 * {@link #generator()} says) selected.
 */
public record OmpFixture(
        String name,
        String generator,
        String description,
        FloatMatrix dictionary,
        FloatMatrix targets,
        OmpOptions options,
        int width,
        int[] expectedAtoms,
        double[] expectedCoefficients,
        int[] expectedCounts) {

    public static List<String> names() {
        try (InputStream in = OmpFixture.class.getResourceAsStream("/omp/cases.txt")) {
            if (in == null) {
                throw new IllegalStateException(
                        "/omp/cases.txt is not on the class path (run scripts/omp-fixtures.py)");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OmpFixture load(String name) {
        String dir = "/omp/" + name + "/";
        Properties props = new Properties();
        try (InputStream in = OmpFixture.class.getResourceAsStream(dir + "case.properties")) {
            if (in == null) {
                throw new IllegalStateException(dir + "case.properties is missing");
            }
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FloatMatrix dictionary = NpyArray.load(dir + "dictionary.npy").toMatrix();
        NpyArray atoms = NpyArray.load(dir + "expected_atoms.npy");
        OmpOptions options = props.containsKey("k")
                ? OmpOptions.atoms(Integer.parseInt(props.getProperty("k")))
                : OmpOptions.tolerance(Double.parseDouble(props.getProperty("tolerance")), dictionary.rows());
        return new OmpFixture(
                name,
                props.getProperty("generator"),
                props.getProperty("description"),
                dictionary,
                NpyArray.load(dir + "targets.npy").toMatrix(),
                options,
                atoms.shape()[1],
                atoms.toInts(),
                NpyArray.load(dir + "expected_coefs.npy").values(),
                NpyArray.load(dir + "expected_counts.npy").toInts());
    }

    @Override
    public String toString() {
        return name;
    }
}
