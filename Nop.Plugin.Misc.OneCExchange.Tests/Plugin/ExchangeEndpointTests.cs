using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange;
using Nop.Plugin.Misc.OneCExchange.Controllers;
using Nop.Plugin.Misc.OneCExchange.Infrastructure;

namespace OneCExchange.Tests.Plugin;

/// <summary>
/// The plugin's routes and exchange controller in a real ASP.NET Core host (Kestrel on a free local port), called
/// as 1C calls them. Until the protocol is implemented every request must get a failure, never a fake success.
/// </summary>
public class ExchangeEndpointTests
{
    private static async Task<(HttpStatusCode Status, string? ContentType, string Body, string? CharSet)> CallAsync(
        OneCExchangeSettings settings, HttpMethod method, string pathAndQuery)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(settings);
        builder.Services.AddControllers().ConfigureApplicationPartManager(parts =>
        {
            // Only the exchange controller: the admin one needs a store behind it.
            parts.ApplicationParts.Clear();
            parts.ApplicationParts.Add(new AssemblyPart(typeof(OneCExchangeController).Assembly));
            parts.FeatureProviders.Clear();
            parts.FeatureProviders.Add(new SingleControllerFeature());
        });
        await using var app = builder.Build();
        new RouteProvider().RegisterRoutes(app);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await client.SendAsync(new HttpRequestMessage(method, pathAndQuery)
            {
                Content = method == HttpMethod.Post ? new ByteArrayContent([1, 2, 3]) : null
            });
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var charset = response.Content.Headers.ContentType?.CharSet ?? "utf-8";
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, Encoding.GetEncoding(charset).GetString(bytes),
                response.Content.Headers.ContentType?.CharSet);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static OneCExchangeSettings Configured() => new() { Enabled = true, Login = "exchange", PasswordHash = "hash" };

    [TestCase("GET", "/1c-exchange?type=catalog&mode=checkauth")]
    [TestCase("GET", "/bitrix/admin/1c_exchange.php?type=sale&mode=query")]
    [TestCase("POST", "/1c-exchange?type=catalog&mode=file&filename=import.xml")]
    [TestCase("POST", "/bitrix/admin/1c_exchange.php?type=catalog&mode=import&filename=import.xml")]
    public async Task Both_paths_answer_failure_until_the_protocol_is_implemented(string method, string pathAndQuery)
    {
        var (status, contentType, body, _) = await CallAsync(Configured(), new HttpMethod(method), pathAndQuery);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(contentType, Is.EqualTo("text/plain"));
            Assert.That(body, Does.StartWith("failure\n"));
            Assert.That(body.Split('\n')[1], Is.Not.Empty, "a reason follows");
            Assert.That(body, Does.Not.Contain("success"));
        });
    }

    [Test]
    public async Task Disabled_exchange_says_so()
    {
        var (_, _, body, _) = await CallAsync(new OneCExchangeSettings { Enabled = false }, HttpMethod.Get, "/1c-exchange?type=catalog&mode=checkauth");
        Assert.That(body, Is.EqualTo("failure\nОбмен с 1С выключен в настройках магазина"));
    }

    [Test]
    public async Task Exchange_without_credentials_says_it_is_not_set_up()
    {
        var (_, _, body, _) = await CallAsync(new OneCExchangeSettings { Enabled = true }, HttpMethod.Get, "/1c-exchange?type=catalog&mode=checkauth");
        Assert.That(body, Does.StartWith("failure\nОбмен не настроен"));
    }

    [Test]
    public async Task Answers_in_windows_1251_when_configured()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var settings = Configured();
        settings.Enabled = false;
        settings.ResponseEncoding = "windows-1251";
        var (_, _, body, charSet) = await CallAsync(settings, HttpMethod.Get, "/1c-exchange?type=catalog&mode=checkauth");
        Assert.That(charSet, Is.EqualTo("windows-1251"));
        Assert.That(body, Is.EqualTo("failure\nОбмен с 1С выключен в настройках магазина"));
    }

    [Test]
    public async Task Other_paths_are_not_the_exchange()
    {
        var (status, _, _, _) = await CallAsync(Configured(), HttpMethod.Get, "/1c-exchange/other");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private sealed class SingleControllerFeature : IApplicationFeatureProvider<ControllerFeature>
    {
        public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature) =>
            feature.Controllers.Add(typeof(OneCExchangeController).GetTypeInfo());
    }
}
