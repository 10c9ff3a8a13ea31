using System.Net;
using System.Text;
using NUnit.Framework;
using OneCExchange.Core.Security;
using OneCExchange.Core.Staging;
using OneCExchange.Tests.Protocol.Fakes;

namespace OneCExchange.Tests.Protocol.Units;

public class SecurityPrimitivesTests
{
    [TestCase("10.0.0.0/8", "10.200.3.4", true)]
    [TestCase("10.0.0.0/8", "11.0.0.1", false)]
    [TestCase("192.168.1.7", "192.168.1.7", true)]
    [TestCase("192.168.1.7", "192.168.1.8", false)]
    [TestCase("192.168.1.0/25", "192.168.1.127", true)]
    [TestCase("192.168.1.0/25", "192.168.1.128", false)]
    [TestCase("127.0.0.1", "::ffff:127.0.0.1", true)]
    [TestCase("2001:db8::/32", "2001:db8::5", true)]
    [TestCase("2001:db8::/32", "2001:db9::5", false)]
    [TestCase("", "8.8.8.8", true)]
    public void The_allow_list_matches_addresses_and_ranges(string list, string address, bool allowed) =>
        Assert.That(IpAllowList.Parse(list).Allows(IPAddress.Parse(address)), Is.EqualTo(allowed));

    [TestCase("10.0.0.0/33")]
    [TestCase("not-an-ip")]
    public void A_bad_allow_list_entry_is_a_clear_error(string list) =>
        Assert.That(() => IpAllowList.Parse(list), Throws.TypeOf<FormatException>().With.Message.Contains(list));

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
    public void Failures_spread_over_time_do_not_add_up_to_a_lock_out()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new LoginThrottle(time);
        Assert.That(throttle.RecordFailure("a", 2, TimeSpan.FromMinutes(10)), Is.False);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.That(throttle.RecordFailure("a", 2, TimeSpan.FromMinutes(10)), Is.False);
        Assert.That(throttle.RecordFailure("a", 2, TimeSpan.FromMinutes(10)), Is.True);
        Assert.That(throttle.LockedUntil("b"), Is.Null, "other addresses are not affected");
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
