using AutoMapper;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Models;
using PluginMapperProfile = Nop.Plugin.Misc.OneCExchange.Infrastructure.Mapper.MapperConfiguration;

namespace OneCExchange.Tests.Plugin;

public class SettingsMappingTests
{
    private static IMapper Mapper() =>
        new MapperConfiguration(configuration => configuration.AddProfile<PluginMapperProfile>()).CreateMapper();

    /// <summary>Settings where every property differs from its default, so a forgotten mapping shows.</summary>
    private static OneCExchangeSettings DistinctSettings()
    {
        var settings = new OneCExchangeSettings();
        var counter = 100;
        foreach (var property in typeof(OneCExchangeSettings).GetProperties())
        {
            counter++;
            object value = property.PropertyType switch
            {
                var t when t == typeof(bool) => !(bool)property.GetValue(settings)!,
                var t when t == typeof(int) => counter,
                var t when t == typeof(string) => $"{property.Name} value",
                var t when t == typeof(List<int>) => new List<int> { counter, counter + 1 },
                var t when t == typeof(DateTime?) => new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                _ => throw new AssertionException($"no test value for {property.Name} ({property.PropertyType})")
            };
            property.SetValue(settings, value);
        }
        return settings;
    }

    [Test]
    public void Configuration_is_valid()
    {
        var configuration = new MapperConfiguration(c => c.AddProfile<PluginMapperProfile>());
        Assert.DoesNotThrow(configuration.AssertConfigurationIsValid);
    }

    [Test]
    public void Every_setting_but_the_password_reaches_the_model()
    {
        var settings = DistinctSettings();
        var model = Mapper().Map<ConfigurationModel>(settings);

        Assert.Multiple(() =>
        {
            foreach (var property in typeof(OneCExchangeSettings).GetProperties().Where(p => p.Name != nameof(OneCExchangeSettings.PasswordHash)))
            {
                var modelProperty = typeof(ConfigurationModel).GetProperty(property.Name);
                Assert.That(modelProperty, Is.Not.Null, $"the configure page has no {property.Name}");
                Assert.That(modelProperty!.GetValue(model), Is.EqualTo(property.GetValue(settings)), property.Name);
            }
            Assert.That(typeof(ConfigurationModel).GetProperty(nameof(OneCExchangeSettings.PasswordHash)), Is.Null, "the hash is never shown");
            Assert.That(model.NewPassword, Is.Empty);
            Assert.That(model.HasPassword, Is.True);
        });
    }

    [Test]
    public void Saving_the_model_copies_every_setting_and_keeps_the_stored_password()
    {
        var source = DistinctSettings();
        var model = Mapper().Map<ConfigurationModel>(source);
        model.NewPassword = "typed but handled by the controller";
        var target = new OneCExchangeSettings { PasswordHash = "stored-hash" };

        Mapper().Map(model, target);

        Assert.Multiple(() =>
        {
            foreach (var property in typeof(OneCExchangeSettings).GetProperties().Where(p => p.Name != nameof(OneCExchangeSettings.PasswordHash)))
                Assert.That(property.GetValue(target), Is.EqualTo(property.GetValue(source)), property.Name);
            Assert.That(target.PasswordHash, Is.EqualTo("stored-hash"));
        });
    }

    [Test]
    public void No_stored_password_shows_as_not_set()
    {
        var model = Mapper().Map<ConfigurationModel>(new OneCExchangeSettings());
        Assert.That(model.HasPassword, Is.False);
    }
}
