using OneCExchange.Cli.Replay;

return args switch
{
    ["replay", .. var rest] => await ReplayCommand.RunAsync(rest, Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: onec <analyze|generate|replay> ...");
    return 2;
}
