using OneCExchange.Cli;
using OneCExchange.Cli.Replay;

ICommand[] commands =
[
    new AnalyzeCommand(),
    new GenerateCommand(),
    new ReplayCommand(),
    new ListenCommand(),
    new GetCatalogCommand(),
];

var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
if (command == null)
{
    Console.Error.WriteLine("usage:");
    foreach (var known in commands)
        Console.Error.WriteLine("  onec " + known.Usage);
    return 2;
}
return command.Run(args[1..], Console.Out, Console.Error);
