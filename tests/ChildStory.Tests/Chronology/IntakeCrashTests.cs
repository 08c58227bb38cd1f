using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Partnership;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Chronology;

/// <summary>
/// Kill the real server while it is taking a 10,000-event batch, restart it, resend the batch, and count: every
/// event exists exactly once, and the resend reports as duplicates exactly what had been saved before the kill. Every
/// committed event is accounted for by an <c>EventsSubmitted</c> audit entry committed with it (issue 15, finding 10).
/// </summary>
public abstract class IntakeCrashTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await using var db = _db.CreateContext();
        var agency = new Agency(Guid.NewGuid(), "SCH", "Larkrise Academy", AgencyKind.School);
        var (client, key) = ApiClient.Create(agency.Id, "Management information system");
        db.AddRange(agency, client);
        await db.SaveChangesAsync();
        _key = key;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Nothing_accepted_is_lost_or_doubled_when_the_server_is_killed_mid_batch()
    {
        var batch = new
        {
            items = Enumerable.Range(0, 10_000).Select(i => new
            {
                idempotencyKey = $"att-{i}",
                type = "SchoolAttendance",
                occurredAt = "2026-10-05T08:45:00Z",
                author = "Attendance officer",
                summary = $"Week attendance 40% ({i})",
                verification = "Verified",
                subject = new { familyName = $"Pupil{i}", dateOfBirth = "2012-02-02" },
            }).ToArray(),
        };

        // The kill must land mid-batch. On a busy machine the batch can finish between the first commit being seen and
        // the kill taking effect; then the store is emptied and the crash tried again (at most three times).
        Process server;
        string url;
        var savedBeforeKill = 0;
        var answered = false;
        long auditFrom;
        for (var attempt = 1; ; attempt++)
        {
            await using (var db = _db.CreateContext())
            {
                auditFrom = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
            }
            (server, url) = await StartServerAsync();
            var sending = Client(url).PostAsJsonAsync("/api/v1/events/batch", batch);
            var watch = Stopwatch.StartNew();
            savedBeforeKill = 0;
            while (savedBeforeKill == 0 && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(2);
                await using var db = _db.CreateContext();
                savedBeforeKill = await db.ChronologyEvents.CountAsync();
            }
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            answered = true;
            try
            {
                await sending;
            }
            catch (Exception)
            {
                answered = false; // the client saw the connection die: the batch was not acknowledged
            }
            await using (var db = _db.CreateContext())
            {
                savedBeforeKill = await db.ChronologyEvents.CountAsync();
                if (savedBeforeKill < 10_000 || attempt == 3)
                {
                    break;
                }
                await db.ChronologyEvents.ExecuteDeleteAsync();
            }
        }
        Assert.InRange(savedBeforeKill, 1, 9_999);
        Assert.False(answered);
        Assert.Equal(savedBeforeKill, await AuditedAsCreatedAsync(auditFrom));

        (server, url) = await StartServerAsync();
        try
        {
            var resent = await (await Client(url).PostAsJsonAsync("/api/v1/events/batch", batch)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(savedBeforeKill, resent.GetProperty("duplicates").GetInt32());
            Assert.Equal(10_000 - savedBeforeKill, resent.GetProperty("created").GetInt32());
            await using var db = _db.CreateContext();
            Assert.Equal(10_000, await db.ChronologyEvents.CountAsync());
            Assert.Equal(10_000, await db.ChronologyEvents.Select(e => e.IdempotencyKey).Distinct().CountAsync());
            Assert.Equal(10_000, await AuditedAsCreatedAsync(auditFrom));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>How many events the <c>EventsSubmitted</c> entries written after <paramref name="auditFrom"/> say were created.</summary>
    private async Task<int> AuditedAsCreatedAsync(long auditFrom)
    {
        await using var db = _db.CreateContext();
        var details = await db.AuditEntries.Where(e => e.Sequence > auditFrom && e.Action == AuditActions.EventsSubmitted).Select(e => e.Detail!).ToListAsync();
        return details.Sum(d => JsonDocument.Parse(d).RootElement.GetProperty("Created").GetInt32());
    }

    private HttpClient Client(string url)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return client;
    }

    private async Task<(Process Server, string Url)> StartServerAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "childstory.dll"), "serve", "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = _db.Settings.Provider.ToString();
        start.Environment["ConnectionStrings__ChildStory"] = _db.Settings.ConnectionString;
        start.Environment["Audit__CheckpointIntervalSeconds"] = "0";
        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return (server, url);
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        server.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The server did not start within 30 seconds");
    }
}

public sealed class IntakeCrashOnSqlite() : IntakeCrashTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class IntakeCrashOnPostgres() : IntakeCrashTests(DatabaseProvider.Postgres);
