using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Validators;
using Nop.Web.Framework.Mvc.ModelBinding;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.Plugin;

public partial class LocaleResourceTests
{
    private static Dictionary<string, string> English => LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.English);

    private static Dictionary<string, string> Russian => LocaleResourceFile.Load(LocaleResourceFile.DefaultFolder, LocaleResourceFile.Russian);

    [Test]
    public void English_and_Russian_have_the_same_resources()
    {
        Assert.That(Russian.Keys, Is.EquivalentTo(English.Keys));
    }

    [Test]
    public void Every_resource_is_prefixed_and_filled()
    {
        Assert.Multiple(() =>
        {
            foreach (var (file, resources) in new[] { ("en", English), ("ru", Russian) })
                foreach (var (name, value) in resources)
                {
                    Assert.That(name, Does.StartWith(OneCExchangeDefaults.LocaleResourcePrefix), $"{file}: {name}");
                    Assert.That(value.Trim(), Is.Not.Empty, $"{file}: {name}");
                }
        });
    }

    [Test]
    public void Russian_resources_are_translated()
    {
        var russian = Russian;
        // A value with no words at all (a message that only joins its parts, "{0}: {1}") has nothing to translate.
        Assert.That(russian.Where(r => r.Value.Any(char.IsLetter) && !CyrillicLetter().IsMatch(r.Value)).Select(r => r.Key), Is.Empty);
    }

    [Test]
    public void Placeholders_match_between_languages()
    {
        var russian = Russian;
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in English)
                Assert.That(Placeholders(russian[name]), Is.EqualTo(Placeholders(value)), name);
        });
    }

    [Test]
    public void Every_model_label_and_hint_exists()
    {
        var english = English;
        var labels = typeof(ConfigurationModel).GetProperties()
            .SelectMany(p => p.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(NopResourceDisplayNameAttribute))
            .Select(a => (string)a.ConstructorArguments[0].Value!)
            .ToList();

        Assert.That(labels, Is.Not.Empty);
        Assert.That(labels.Concat(labels.Select(l => l + ".Hint")).Where(k => !english.ContainsKey(k)), Is.Empty);
    }

    [Test]
    public void Every_resource_the_validator_uses_exists()
    {
        var localization = new FakeLocalizationService();
        _ = new ConfigurationValidator(localization);

        Assert.That(localization.RequestedKeys, Is.Not.Empty);
        Assert.That(localization.RequestedKeys.Where(k => !English.ContainsKey(k)), Is.Empty);
    }

    [Test]
    public void Every_resource_named_in_views_and_code_exists()
    {
        var english = English;
        var sources = Directory.EnumerateFiles(PluginPaths.ProjectDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .ToList();
        var used = sources.SelectMany(f => ResourceName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Value)))
            .Where(u => !u.Key.EndsWith('.'))
            .ToList();

        Assert.That(used.Select(u => u.File), Does.Contain("Configure.cshtml"));
        Assert.That(used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}"), Is.Empty);
    }

    [TestCase("ru-RU", LocaleResourceFile.Russian)]
    [TestCase("ru", LocaleResourceFile.Russian)]
    [TestCase("en-US", LocaleResourceFile.English)]
    [TestCase("uk-UA", LocaleResourceFile.English)]
    [TestCase("rue-UA", LocaleResourceFile.English)]
    [TestCase(null, LocaleResourceFile.English)]
    public void Russian_admin_languages_get_the_Russian_file(string? culture, string expected)
    {
        Assert.That(LocaleResourceFile.FileLanguageFor(culture), Is.EqualTo(expected));
    }

    [Test]
    public void A_damaged_file_is_refused_with_its_name()
    {
        var folder = Directory.CreateTempSubdirectory("onec-locale").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "en.xml"),
                "<Language><LocaleResource Name=\"A\"><Value>1</Value></LocaleResource><LocaleResource Name=\"a\"><Value>2</Value></LocaleResource></Language>");
            var error = Assert.Throws<InvalidDataException>(() => LocaleResourceFile.Load(folder, "en"));
            Assert.That(error!.Message, Does.Contain("defined twice"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Placeholders(string value) =>
        Regex.Matches(value, @"\{\d+\}").Select(m => m.Value).Order().ToList();

    [GeneratedRegex(@"[А-Яа-яЁё]")]
    private static partial Regex CyrillicLetter();

    [GeneratedRegex(@"Plugins\.Misc\.OneCExchange\.[A-Za-z0-9.]*")]
    private static partial Regex ResourceName();
}
