package dev.junction.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ServiceLoader;

/**
 * {@code junction}: the command line. {@code run} lives here; modules on the class path add commands
 * (the sandbox module adds {@code sandbox}, {@code demo} and {@code bench}) through {@link CliCommand}.
 */
@Command(name = "junction", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Junction: a self-hosted integration hub that keeps Brightpearl in step with your store, "
                + "warehouses and label platform.",
        subcommands = {RunCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (CliCommand extra : ServiceLoader.load(CliCommand.class)) {
            cl.addSubcommand(extra.name(), extra.command());
        }
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"junction " + dev.junction.hub.Hub.version()};
        }
    }
}
