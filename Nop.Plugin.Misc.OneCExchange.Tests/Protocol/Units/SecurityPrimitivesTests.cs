using System.Text;
using NUnit.Framework;
using OneCExchange.Core.Protocol;
using OneCExchange.Core.Security;
using OneCExchange.Core.Staging;
using OneCExchange.Synthetic;
using OneCExchange.Tests.Protocol.Fakes;

namespace OneCExchange.Tests.Protocol.Units;

public class SecurityPrimitivesTests
{
    [Test]
    public void Basic_credentials_are_parsed_and_compared()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("1c:pa:ss"));
        var credentials = BasicCredentials.Parse(header)!;
        Assert.That(credentials, Is.EqualTo(new BasicCredentials("1c", "pa:ss")));
        var hash = PasswordHasher.Hash("pa:ss");
        Assert.That(credentials.Matches("1c", hash), Is.True);
        Assert.That(credentials.Matches("1C", hash), Is.False);
        Assert.That(new BasicCredentials("", "pa:ss").Matches("", hash), Is.False, "an empty configured login never matches");
        Assert.That(BasicCredentials.Parse("Bearer abc"), Is.Null);
        Assert.That(BasicCredentials.Parse("Basic !!!"), Is.Null);
    }

    [Test]
    public async Task Failures_spread_over_time_do_not_add_up_to_a_lock_out()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var state = new InMemoryExchangeStateStore();
        var throttle = new LoginThrottle(state, time);
        Assert.That(await throttle.RecordFailureAsync("a", 2, TimeSpan.FromMinutes(10), default), Is.Null);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.That(await throttle.RecordFailureAsync("a", 2, TimeSpan.FromMinutes(10), default), Is.Null);
        Assert.That(await throttle.RecordFailureAsync("a", 2, TimeSpan.FromMinutes(10), default), Is.EqualTo(time.GetUtcNow() + TimeSpan.FromMinutes(10)));
        Assert.That(await new LoginThrottle(state, time).LockedUntilAsync("a", default), Is.Not.Null, "the lock-out is kept in the state store");
        Assert.That(await throttle.LockedUntilAsync("b", default), Is.Null, "other addresses are not affected");
    }

    [TestCase("import.xml", "import.xml")]
    [TestCase("import_files\\ab\\x.jpg", "import_files/ab/x.jpg")]
    [TestCase("goods/1/import___0a.xml", "goods/1/import___0a.xml")]
    public void Safe_names_keep_their_sub_folders(string name, string expected) =>
        Assert.That(StagingPath.Normalize(name), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("a//b.xml")]
    [TestCase("a/./b.xml")]
    [TestCase("a/b.xml.")]
    [TestCase("file.xml:stream")]
    [TestCase("web.config")]
    [TestCase("x.ASPX")]
    public void Unsafe_names_are_refused(string name) =>
        Assert.That(() => StagingPath.Normalize(name), Throws.TypeOf<StagingException>());
}
