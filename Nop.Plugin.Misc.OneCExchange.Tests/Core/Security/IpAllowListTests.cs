using System.Net;
using NUnit.Framework;
using OneCExchange.Core.Security;

namespace OneCExchange.Tests.Core.Security;

public class IpAllowListTests
{
    private static IpAllowList Parse(string text)
    {
        Assert.That(IpAllowList.TryParse(text, out var list, out var invalid), Is.True, $"invalid entry {invalid}");
        return list;
    }

    [TestCase("")]
    [TestCase(null)]
    [TestCase(" \r\n ")]
    public void Empty_list_allows_any_address(string? text)
    {
        var list = Parse(text!);
        Assert.Multiple(() =>
        {
            Assert.That(list.AllowsAny, Is.True);
            Assert.That(list.Allows(IPAddress.Parse("203.0.113.7")), Is.True);
        });
    }

    [TestCase("203.0.113.7", true)]
    [TestCase("10.20.30.40", true)]
    [TestCase("11.0.0.1", false)]
    [TestCase("::ffff:10.1.2.3", true)]
    [TestCase("2001:db8::1", true)]
    [TestCase("2001:db9::1", false)]
    [TestCase("::1", false)]
    public void Addresses_and_networks_are_matched(string address, bool allowed)
    {
        var list = Parse("203.0.113.7, 10.0.0.0/8\n2001:db8::/32");
        Assert.That(list.Allows(IPAddress.Parse(address)), Is.EqualTo(allowed));
    }

    [TestCase("10.0.0.1, 10.0.0.256", "10.0.0.256")]
    [TestCase("10", "10")]
    [TestCase("host.example", "host.example")]
    [TestCase("10.0.0.0/33", "10.0.0.0/33")]
    [TestCase("10.0.0.1/8", "10.0.0.1/8")]
    public void The_first_unreadable_entry_is_named(string text, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(IpAllowList.TryParse(text, out _, out var invalid), Is.False);
            Assert.That(invalid, Is.EqualTo(expected));
        });
    }

    [Test]
    public void A_missing_address_is_not_allowed_by_a_list()
    {
        Assert.That(Parse("10.0.0.1").Allows(null), Is.False);
    }
}
