using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace ChildStory.LoadTest;

internal sealed record LoadOptions(
    Uri Base, string Email, string Password, Guid Heavy, string Path, int Clients, int Duration, int Warmup,
    string? Connection, string? IdsFile, int Sample, string Trivial, int Seed, int Solo, int Think)
{
    public static LoadOptions From(Arguments a)
    {
        var options = new LoadOptions(
            new Uri(a.Text("base") ?? "http://127.0.0.1:5081"),
            a.Required("email"),
            a.Required("password"),
            a.Id("heavy") ?? throw new ArgumentException("--heavy is required (the id `events` printed as HEAVY_CHILD)."),
            a.Text("path") ?? "/children/{id}/story",
            (int)a.Number("clients", 50, 1, 10_000),
            (int)a.Number("duration", 60, 1, 24 * 3600),
            (int)a.Number("warmup", 10, 0, 3600),
            a.Text("connection"),
            a.Text("ids"),
            (int)a.Number("sample", 10_000, 1, 10_000_000),
            a.Text("trivial") ?? "/health",
            (int)a.Number("seed", 7, 0, int.MaxValue),
            (int)a.Number("solo", 10, 0, 3600),
            (int)a.Number("think", 0, 0, 60_000));
        a.EnsureAllRead();
        if (!options.Path.Contains("{id}", StringComparison.Ordinal))
        {
            throw new ArgumentException("--path must contain {id}, where the child's id goes.");
        }
        if ((options.Connection is null) == (options.IdsFile is null))
        {
            throw new ArgumentException("Give exactly one of --connection (to sample children from the database) and --ids (a file of child ids, one a line).");
        }
        return options;
    }

    public string PageFor(Guid child) => Path.Replace("{id}", child.ToString(), StringComparison.Ordinal);
}

/// <summary>
/// <c>load</c>: closed-loop clients on loopback, each with its own signed-in session, each sending its next request
/// as soon as the last one's body has been read. Two phases run one after the other, each with its own warm-up:
/// first the story pages (the clients on other children, one more client on the heavy child), then the trivial
/// endpoint with the same number of clients, so the two throughputs compare like with like on the same server,
/// database and machine within one run. Every latency is a Stopwatch reading from sending the request to the last
/// byte of the body; only requests started after the warm-up count.
/// </summary>
internal static partial class LoadCommand
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken ct)
    {
        var others = await OtherChildrenAsync(options, ct);
        if (others.Count == 0)
        {
            Console.Error.WriteLine("No other children to load: the database or the --ids file has none besides the heavy child.");
            return 1;
        }
        if (options.Connection is not null)
        {
            await DescribeDataAsync(options.Connection, options.Heavy, ct);
        }
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical processors; server, PostgreSQL and this load generator share them.");
        Console.WriteLine($"Sampled {others.Count:N0} other children.");

        var clock = Stopwatch.StartNew();
        var sessions = await SessionsAsync(options, options.Clients + 1, ct);
        try
        {
            Console.WriteLine($"Signed in {sessions.Count} sessions as {options.Email} in {clock.Elapsed.TotalSeconds:N1} s.");
            return await RunPhasesAsync(options, others, sessions, ct);
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    private static async Task<int> RunPhasesAsync(LoadOptions options, List<Guid> others, List<HttpClient> sessions, CancellationToken ct)
    {
        var heavyPage = options.PageFor(options.Heavy);
        if (!await CheckAsync(sessions[0], heavyPage, ct) || !await CheckAsync(sessions[0], options.PageFor(others[0]), ct) || !await CheckAsync(sessions[0], options.Trivial, ct))
        {
            return 1;
        }

        Summary? solo = null;
        if (options.Solo > 0)
        {
            // The page's own cost, with nothing else running: what the latency under load should be compared with.
            Console.WriteLine($"Phase 0: the heavy child's page alone, one request at a time, 3 s warm-up then {options.Solo} s measured.");
            var alone = new Worker("solo", sessions[options.Clients], () => heavyPage, 0);
            await RunPhaseAsync([alone], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(options.Solo), ct);
            solo = Summary.Of("heavy child's story, alone", [alone], TimeSpan.FromSeconds(options.Solo));
        }

        var warmup = TimeSpan.FromSeconds(options.Warmup);
        var duration = TimeSpan.FromSeconds(options.Duration);
        var storyWorkers = new List<Worker>();
        for (var i = 0; i < options.Clients; i++)
        {
            var random = new Random(options.Seed + i);
            storyWorkers.Add(new Worker("other", sessions[i], () => options.PageFor(others[random.Next(others.Count)]), options.Think));
        }
        storyWorkers.Add(new Worker("heavy", sessions[options.Clients], () => heavyPage, 0));
        Console.WriteLine($"Phase 1: {options.Clients} clients on other children's {options.Path} + 1 client on the heavy child's, {options.Warmup} s warm-up then {options.Duration} s measured.");
        await RunPhaseAsync(storyWorkers, warmup, duration, ct);

        var trivialWorkers = Enumerable.Range(0, options.Clients).Select(i => new Worker("trivial", sessions[i], () => options.Trivial, options.Think)).ToList();
        Console.WriteLine($"Phase 2: {options.Clients} clients on {options.Trivial}, {options.Warmup} s warm-up then {options.Duration} s measured.");
        await RunPhaseAsync(trivialWorkers, warmup, duration, ct);

        var heavy = Summary.Of("heavy child's story", storyWorkers.Where(w => w.Kind == "heavy"), duration);
        var other = Summary.Of("other children's stories", storyWorkers.Where(w => w.Kind == "other"), duration);
        var allStories = Summary.Of("all story pages", storyWorkers, duration);
        var trivial = Summary.Of(options.Trivial, trivialWorkers, duration);
        Console.WriteLine();
        Console.WriteLine($"Results ({options.Duration} s measured per phase, after {options.Warmup} s warm-up; latency in ms, request to last byte):");
        Console.WriteLine(Summary.Header);
        if (solo is not null)
        {
            Console.WriteLine("Phase 0 (alone):");
            Console.WriteLine(solo.Line);
        }
        Console.WriteLine(options.Think > 0 ? $"Phase 1 (concurrently; other clients wait {options.Think} ms between requests):" : "Phase 1 (concurrently):");
        Console.WriteLine(heavy.Line);
        Console.WriteLine(other.Line);
        Console.WriteLine(allStories.Line);
        Console.WriteLine("Phase 2 (afterwards, same clients):");
        Console.WriteLine(trivial.Line);
        foreach (var s in new[] { solo, heavy, other, trivial }.OfType<Summary>().Where(s => s.Errors.Count > 0))
        {
            Console.WriteLine($"Errors on {s.Name}: " + string.Join(", ", s.Errors.Select(e => $"{e.Key} x{e.Value:N0}")));
        }
        Console.WriteLine();
        var medianOk = heavy.Count > 0 && heavy.Median < 100;
        var p95Ok = heavy.Count > 0 && heavy.P95 < 250;
        Console.WriteLine($"Heavy child's story: median {heavy.Median:N1} ms (target < 100): {(medianOk ? "MET" : "NOT MET")}; " +
            $"p95 {heavy.P95:N1} ms (target < 250): {(p95Ok ? "MET" : "NOT MET")}; errors {heavy.ErrorCount:N0}.");
        Console.WriteLine($"Story pages served {allStories.Throughput:N1} req/s against {trivial.Throughput:N1} req/s for {options.Trivial} " +
            $"({(trivial.Throughput > 0 ? allStories.Throughput / trivial.Throughput * 100 : 0):N1}% of the trivial endpoint's throughput).");
        return medianOk && p95Ok && heavy.ErrorCount + other.ErrorCount + trivial.ErrorCount == 0 ? 0 : 3;
    }

    private static async Task RunPhaseAsync(IReadOnlyList<Worker> workers, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        // The load average before and after each phase shows whether something else was using the cores meanwhile.
        Console.WriteLine($"  load average before: {LoadAverage()}");
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var running = workers.Select(w => Task.Run(() => w.RunAsync(measureFrom, stopAt, ct), ct)).ToArray();
        var all = Task.WhenAll(running);
        while (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10), ct)) != all)
        {
            var elapsed = Stopwatch.GetElapsedTime(begin);
            var measured = workers.Sum(w => w.Measured);
            Console.WriteLine($"  {elapsed.TotalSeconds,5:N0} s  {(elapsed < warmup ? "warming up" : $"{measured:N0} requests measured")}");
        }
        await all;
        Console.WriteLine($"  load average after:  {LoadAverage()}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min)" : "n/a";

    /// <summary>
    /// Signs every client in on its own session, a few at a time (each sign-in hashes the password). Each client is
    /// its own HttpClient with its own cookie jar and connection, as each browser is: the app re-issues the session
    /// cookie once its security stamp has been checked (every minute) and a client that kept sending the old cookie
    /// would have the stamp checked against the database on every request, which no browser causes.
    /// </summary>
    private static async Task<List<HttpClient>> SessionsAsync(LoadOptions options, int count, CancellationToken ct)
    {
        var sessions = new HttpClient[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => sessions[i] = await SignInAsync(options, token));
        return [.. sessions];
    }

    private static async Task<HttpClient> SignInAsync(LoadOptions options, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 16,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = options.Base, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await SignInAsync(http, cookies, options, ct);
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private static async Task SignInAsync(HttpClient http, CookieContainer cookies, LoadOptions options, CancellationToken ct)
    {
        var form = await http.GetStringAsync("/account/sign-in", ct);
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no __RequestVerificationToken field: is --base the ChildStory app?");
        }
        using var response = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Email"] = options.Email,
            ["Password"] = options.Password,
            ["ReturnUrl"] = "/",
        }), ct);
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"Sign-in as {options.Email} failed ({(int)response.StatusCode}): wrong email or password, or the account is locked out.");
        }
        if (location.Contains("two-factor", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{options.Email} needs a second factor. Start the server with Security__TwoFactorRoles__N set so that the account's role is not listed " +
                "(scripts/bench-story.sh shows how).");
        }
        if (!cookies.GetCookieHeader(options.Base).Contains("childstory", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Sign-in answered without setting the childstory cookie.");
        }
    }

    private static async Task<bool> CheckAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}; expected 200. Is --path right, and may this login see every child?");
            return false;
        }
        Console.WriteLine($"GET {path}: 200, {body.Length:N0} bytes, {clock.Elapsed.TotalMilliseconds:N0} ms cold.");
        return true;
    }

    private static async Task<List<Guid>> OtherChildrenAsync(LoadOptions options, CancellationToken ct)
    {
        if (options.IdsFile is { } file)
        {
            return (await File.ReadAllLinesAsync(file, ct)).Select(l => l.Trim()).Where(l => l.Length > 0)
                .Select(l => Guid.Parse(l, CultureInfo.InvariantCulture)).Where(id => id != options.Heavy).Distinct().ToList();
        }
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT \"Id\" FROM \"People\" WHERE \"IsChild\" AND \"MergedIntoId\" IS NULL AND \"Id\" <> @heavy ORDER BY random() LIMIT @n", connection);
        command.Parameters.AddWithValue("heavy", options.Heavy);
        command.Parameters.AddWithValue("n", options.Sample);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    private static async Task DescribeDataAsync(string connectionString, Guid heavy, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM \"People\" WHERE \"IsChild\"), (SELECT count(*) FROM \"ChronologyEvents\"), " +
            "(SELECT count(*) FROM \"ChronologyEvents\" WHERE \"ChildId\" = @heavy), pg_size_pretty(pg_database_size(current_database()))", connection);
        command.CommandTimeout = 600;
        command.Parameters.AddWithValue("heavy", heavy);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        Console.WriteLine($"Data: {reader.GetInt64(0):N0} children, {reader.GetInt64(1):N0} events ({reader.GetString(3)} database); " +
            $"heavy child {heavy} has {reader.GetInt64(2):N0} events.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>One closed-loop client: one request at a time, on its own session (client and cookie jar), recording what it measured.</summary>
internal sealed class Worker(string kind, HttpClient http, Func<string> next, int thinkMilliseconds)
{
    private readonly List<double> _latencies = new(capacity: 4096);
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _measured;

    public string Kind { get; } = kind;
    public IReadOnlyList<double> Latencies => _latencies;
    public IReadOnlyDictionary<string, int> Errors => _errors;

    /// <summary>Requests started after the warm-up, read by the progress line while the run goes on.</summary>
    public int Measured => Volatile.Read(ref _measured);

    public async Task RunAsync(long measureFrom, long stopAt, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (Stopwatch.GetTimestamp() is var started && started < stopAt)
        {
            ct.ThrowIfCancellationRequested();
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, next());
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                while (await body.ReadAsync(buffer, ct) > 0)
                {
                }
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                error = e is TaskCanceledException ? "timeout" : e.GetType().Name;
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (started >= measureFrom)
            {
                _latencies.Add(elapsed.TotalMilliseconds);
                Interlocked.Increment(ref _measured);
                if (error is not null)
                {
                    _errors[error] = _errors.GetValueOrDefault(error) + 1;
                }
            }
            if (thinkMilliseconds > 0)
            {
                await Task.Delay(thinkMilliseconds, ct);
            }
        }
    }
}

/// <summary>Counts, throughput and nearest-rank percentiles over every measured request of a set of workers.</summary>
internal sealed record Summary(string Name, int Count, double Throughput, double Median, double P95, double P99, double Max, int ErrorCount, IReadOnlyDictionary<string, int> Errors)
{
    public const string Header = "  page                            requests      req/s   median      p95      p99      max   non-200";

    public string Line => $"  {Name,-30} {Count,10:N0} {Throughput,10:N1} {Median,8:N1} {P95,8:N1} {P99,8:N1} {Max,8:N1} {ErrorCount,9:N0}";

    public static Summary Of(string name, IEnumerable<Worker> workers, TimeSpan duration)
    {
        var list = workers.ToList();
        var sorted = list.SelectMany(w => w.Latencies).Order().ToArray();
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in list.SelectMany(w => w.Errors))
        {
            errors[key] = errors.GetValueOrDefault(key) + count;
        }
        double Rank(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Summary(name, sorted.Length, sorted.Length / duration.TotalSeconds, Rank(0.5), Rank(0.95), Rank(0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1], errors.Values.Sum(), errors);
    }
}
