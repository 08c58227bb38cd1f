using BenchmarkDotNet.Attributes;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Children;
using ChildStory.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Benchmarks;

/// <summary>
/// Finding a child in a partnership of <see cref="Children"/> demo children on SQLite, as the front door does
/// (across every child), including the audit entry each search writes. The database is made once per size and
/// kept in the temp folder between runs.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private DatabaseSettings _settings = null!;
    private string _nhs = "";

    [Params(100_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), $"childstory-bench-{Children}.db");
        _settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}");
        using var db = Context();
        db.Database.Migrate();
        if (!db.Agencies.Any())
        {
            new SeedDemoData(TimeProvider.System).RunAsync(db, new DemoOptions { Children = Children, Seed = 1 }, null).GetAwaiter().GetResult();
        }
        _nhs = db.People.Where(p => p.NhsNumber != null).OrderBy(p => p.Id).Select(p => p.NhsNumber!).First();
    }

    private ChildStoryDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ChildStoryDbContext>();
        DatabaseSetup.Configure(options, _settings);
        return new ChildStoryDbContext(options.Options);
    }

    private async Task<int> Search(SearchChildren.Query query)
    {
        await using var db = Context();
        var search = new SearchChildren(db, new ChildAccess(db, Options.Create(new AccessOptions())));
        var result = await search.RunAsync(Actor.System(), query);
        return result.Value.Matches.Count;
    }

    [Benchmark]
    public Task<int> Common_full_name() => Search(new("Olivia Smith", null, null, null));

    [Benchmark]
    public Task<int> Misspelt_full_name() => Search(new("Kaitlyn Smyth", null, null, null));

    [Benchmark]
    public Task<int> Name_and_date_of_birth() => Search(new("Jack", "2015-06-01", null, null));

    [Benchmark]
    public Task<int> Nhs_number() => Search(new(null, null, _nhs, null));
}
