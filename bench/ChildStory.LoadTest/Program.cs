using ChildStory.LoadTest;

// childstory-loadtest: two verbs, kept apart so the slow one (events) runs once and the other (load) as often as needed.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage.Text);
    return args.Length == 0 ? 2 : 0;
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    var options = Arguments.Parse(args.AsSpan(1));
    return args[0] switch
    {
        "events" => await EventsCommand.RunAsync(EventsOptions.From(options), cancel.Token),
        "load" => await LoadCommand.RunAsync(LoadOptions.From(options), cancel.Token),
        _ => Fail($"Unknown verb '{args[0]}'.\n\n{Usage.Text}"),
    };
}
catch (ArgumentException e)
{
    return Fail($"{e.Message}\n\n{Usage.Text}");
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
