import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;

/**
 * Checks generated Flink SQL with Flink's own planner, without a cluster or Kafka.
 *
 * plan FILE...: each file holds one script's statements separated by NUL characters; every
 *   statement is executed (DDL, SET) or planned (INSERT, statement set) in a fresh streaming
 *   table environment. Prints "OK name" or "FAIL name" followed by the error, one block per file.
 * run FILE...: executes each script on a local mini cluster, waiting for its INSERT job to
 *   finish (the sources must be bounded); prints "OK name" or "FAIL name" like plan.
 * query FILE: runs each NUL-separated statement; the last is a bounded SELECT whose rows are
 *   printed one per line, fields separated by TAB (NULL as \N).
 */
public class FlinkCheck {
    private static final Pattern SET = Pattern.compile("^SET '((?:[^']|'')*)' = '((?:[^']|'')*)'$", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        if (args[0].equals("plan") || args[0].equals("run")) {
            for (int i = 1; i < args.length; i++) plan(Path.of(args[i]), args[0].equals("run"));
        } else {
            query(Path.of(args[1]));
        }
        System.out.flush();
        System.exit(0);
    }

    private static String[] statements(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8).split("\u0000");
    }

    private static TableEnvironment env() {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tEnv.getConfig().set("table.local-time-zone", "UTC");
        return tEnv;
    }

    private static void run(TableEnvironment tEnv, String statement, boolean execute) throws Exception {
        String s = statement.trim();
        if (execute && (s.startsWith("INSERT") || s.startsWith("EXECUTE STATEMENT SET"))) {
            tEnv.executeSql(s).await();
            return;
        }
        Matcher set = SET.matcher(s);
        if (set.matches()) {
            tEnv.getConfig().set(set.group(1).replace("''", "'"), set.group(2).replace("''", "'"));
        } else if (s.startsWith("INSERT")) {
            String plan = tEnv.explainSql(s);
            if (System.getenv("FLINK_CHECK_PRINT") != null) System.out.println(plan);
        } else if (s.startsWith("EXECUTE STATEMENT SET")) {
            tEnv.executeSql("EXPLAIN " + s.substring("EXECUTE ".length())).collect().forEachRemaining(r -> {
                if (System.getenv("FLINK_CHECK_PRINT") != null) System.out.println(r.getField(0));
            });
        } else {
            tEnv.executeSql(s);
        }
    }

    private static void plan(Path file, boolean execute) throws Exception {
        TableEnvironment tEnv = env();
        String name = file.getFileName().toString();
        try {
            for (String statement : statements(file)) run(tEnv, statement, execute);
            System.out.println("OK " + name);
        } catch (Throwable e) {
            System.out.println("FAIL " + name);
            Throwable t = e;
            while (t != null) {
                System.out.println("  " + t.getClass().getSimpleName() + ": " + t.getMessage());
                t = t.getCause();
            }
        }
        System.out.println("END");
    }

    private static void query(Path file) throws Exception {
        TableEnvironment tEnv = env();
        String[] all = statements(file);
        for (int i = 0; i < all.length - 1; i++) run(tEnv, all[i], false);
        TableResult result = tEnv.executeSql(all[all.length - 1]);
        try (var rows = result.collect()) {
            Iterator<Row> it = rows;
            while (it.hasNext()) {
                Row row = it.next();
                StringBuilder line = new StringBuilder();
                for (int f = 0; f < row.getArity(); f++) {
                    if (f > 0) line.append('\t');
                    Object v = row.getField(f);
                    line.append(v == null ? "\\N" : v.toString());
                }
                System.out.println(line);
            }
        }
    }
}
