using ChildStory.Features.Admin;

namespace ChildStory.Tests.Admin;

public sealed class GeneratedPasswordTests
{
    [Fact]
    public void Every_generated_first_password_meets_the_sign_in_policy()
    {
        // Without the final digit about one in thirty lacked one; ten thousand draws would all but surely include such a one.
        var passwords = Enumerable.Range(0, 10_000).Select(_ => AddPractitioner.GeneratePassword()).ToList();
        Assert.All(passwords, p =>
        {
            Assert.True(p.Length >= 12);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, c => !char.IsLetterOrDigit(c));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
