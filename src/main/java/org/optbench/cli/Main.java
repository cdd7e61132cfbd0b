package org.optbench.cli;

import org.optbench.engine.djl.DjlOffline;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar optbench.jar <command>}: the entry point. DJL is put offline here, before any
 * command can touch an engine class.
 */
@Command(
    name = "optbench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reproduce and benchmark deep-learning optimizers on DJL/PyTorch.",
    subcommands = {
      RunCommand.class,
      ReportCommand.class,
      FiguresCommand.class,
      ScoreCommand.class,
      ValidateCommand.class,
      ListCommand.class,
      ReplayCommand.class,
      ClaimsCommand.class,
      CompareCommand.class,
      BaselineCommand.class,
      MergeCommand.class,
      ExportCommand.class,
      WorkerCommand.class,
      SlurmCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 bad input). */
  public static int execute(String... args) {
    DjlOffline.enforce();
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
