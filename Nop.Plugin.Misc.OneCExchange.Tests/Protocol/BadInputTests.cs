using System.Net;
using System.Net.Sockets;
using System.Text;
using NUnit.Framework;
using OneCExchange.Core.Protocol;

namespace OneCExchange.Tests.Protocol;

/// <summary>Every bad request gets a 200 "failure\n&lt;reason&gt;" answer, a log record, and changes nothing.</summary>
public class BadInputTests : LoopbackTestBase
{
    private const string AuthFailed = "failure\nОшибка авторизации. Неверное имя пользователя или пароль.";

    [TearDown]
    public void EveryAnswerWasTwoHundred()
    {
        if (Raw.LastResponse is { } response)
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Wrong_password_is_refused_and_starts_no_session()
    {
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.Basic(LoopbackExchangeHost.Login, "wrong")),
            Is.EqualTo(AuthFailed));
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.Basic("admin", LoopbackExchangeHost.Password)),
            Is.EqualTo(AuthFailed));
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth"), Is.EqualTo("failure\nТребуется авторизация HTTP Basic (логин и пароль обмена)."));
        Assert.That(Host.State.Sessions, Is.Empty);
        Assert.That(Host.Log.Entries.Select(e => e.Outcome), Has.All.EqualTo(ExchangeOutcome.Failure));
        Assert.That(Host.Log.Entries, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Repeated_failures_lock_the_address_out_for_a_while()
    {
        var wrong = RawExchangeClient.Basic(LoopbackExchangeHost.Login, "wrong");
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: wrong), Is.EqualTo(AuthFailed));
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: wrong), Is.EqualTo(AuthFailed));
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: wrong),
            Is.EqualTo(AuthFailed + " Слишком много неудачных попыток входа; вход с этого адреса заблокирован на 15 мин."));

        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.GoodBasic),
            Is.EqualTo("failure\nСлишком много неудачных попыток входа; вход с этого адреса заблокирован на 15 мин."),
            "even the right password is refused during the lock-out");
        Assert.That(Host.State.Sessions, Is.Empty);

        Host.Time.Advance(Host.Options.LockoutDuration);
        Assert.That((await Raw.CheckAuthAsync("catalog")).Lines[0], Is.EqualTo("success"));
    }

    [Test]
    public async Task A_request_without_cookie_or_with_an_unknown_one_is_refused()
    {
        await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync("type=catalog&mode=init"), Is.EqualTo("failure\nНе передан cookie сеанса обмена; начните обмен с checkauth."));
        Assert.That(await Raw.GetAsync("type=catalog&mode=init", $"{Host.Options.CookieName}=forged"),
            Is.EqualTo("failure\nСеанс обмена не найден или истёк; начните обмен с checkauth."));
        Assert.That(Host.State.Sessions.Single().HadFailure, Is.False, "a stranger's request does not spoil the real session");
    }

    [Test]
    public async Task Basic_credentials_instead_of_the_cookie_are_accepted_on_later_requests()
    {
        var (_, sessid, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync($"type=catalog&mode=init&sessid={sessid}", auth: RawExchangeClient.GoodBasic), Is.EqualTo("zip=no\nfile_limit=65536"));
        Assert.That(await Raw.GetAsync("type=catalog&mode=init", auth: RawExchangeClient.Basic(LoopbackExchangeHost.Login, "bad")), Is.EqualTo(AuthFailed));
    }

    [Test]
    public async Task A_wrong_sessid_is_refused()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync("type=catalog&mode=init&sessid=0123", cookie), Is.EqualTo("failure\nНеверный sessid."));
        Assert.That(await Raw.GetAsync($"type=catalog&mode=init&sessid={sessid}", cookie), Is.EqualTo("zip=no\nfile_limit=65536"));
    }

    [TestCase("../evil.xml", "Недопустимое имя файла: ../evil.xml")]
    [TestCase("import_files/../../evil.xml", "Недопустимое имя файла: import_files/../../evil.xml")]
    [TestCase("/tmp/evil.xml", "Недопустимое имя файла: /tmp/evil.xml")]
    [TestCase("C:/evil.xml", "Недопустимое имя файла: C:/evil.xml")]
    [TestCase("..\\evil.xml", "Недопустимое имя файла: ..\\evil.xml")]
    [TestCase("import_files/shell.php", "Недопустимый тип файла: import_files/shell.php")]
    [TestCase(".htaccess", "Недопустимый тип файла: .htaccess")]
    public async Task Unsafe_file_names_are_refused_and_nothing_is_written(string name, string reason)
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);

        Assert.That(await Raw.PostAsync($"type=catalog&mode=file&filename={Uri.EscapeDataString(name)}", [1, 2, 3], cookie),
            Is.EqualTo("failure\n" + reason));
        Assert.That(Directory.EnumerateFiles(Scratch, "*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(Host.Log.Entries.Last(), Has.Property(nameof(ExchangeLogEntry.Outcome)).EqualTo(ExchangeOutcome.Failure));
    }

    [Test]
    public async Task A_zip_slip_archive_is_refused_once_and_removed_and_the_session_goes_on()
    {
        var zip = TestPackages.Zip([("import.xml", Encoding.UTF8.GetBytes(TestPackages.CatalogXml(3))), ("../../../../tmp/evil.txt", [1])]);
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        await Raw.PostAsync("type=catalog&mode=file&filename=pack.zip", zip, cookie);

        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo("failure\nНедопустимое имя файла: ../../../../tmp/evil.txt Архив pack.zip удалён, обмен можно продолжать."));
        Assert.That(Directory.EnumerateFiles(Scratch, "*", SearchOption.AllDirectories), Is.Empty,
            "no entry was left unpacked, nothing escaped the folder, and the refused archive is gone");
        Assert.That(Host.CatalogImports.Opened, Is.Empty);
        Assert.That(Host.State.Sessions.Single().StagedBytes, Is.Zero, "the refused archive no longer counts against the session quota");

        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=offers.xml", Encoding.UTF8.GetBytes(TestPackages.CatalogXml(2)), cookie), Is.EqualTo("success"));
        string answer;
        do answer = await Raw.GetAsync("type=catalog&mode=import&filename=offers.xml", cookie);
        while (answer.StartsWith("progress"));
        Assert.That(answer, Does.StartWith("success\nФайл offers.xml загружен"), "the next import of the session is not poisoned");
    }

    [Test]
    public async Task A_zip_bomb_is_stopped_by_the_bytes_actually_inflated()
    {
        Host.Options = Host.Options with { MaxSessionBytes = 1024 * 1024 };
        var zip = TestPackages.Zip([("import.xml", Encoding.UTF8.GetBytes(TestPackages.CatalogXml(3))), ("bomb.bin", new byte[20 * 1024 * 1024])]);
        Assert.That(zip.Length, Is.LessThan(64 * 1024));
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=pack.zip", zip, cookie), Is.EqualTo("success"));

        var expectedAllowance = Host.Options.MaxSessionBytes;
        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo($"failure\nРаспакованный архив больше допустимого объёма ({expectedAllowance} байт). Архив pack.zip удалён, обмен можно продолжать."));
        Assert.That(Directory.EnumerateFiles(Scratch, "*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(Host.CatalogImports.Opened, Is.Empty);
    }

    [Test]
    public async Task One_archive_may_not_unpack_past_its_own_bound_even_within_the_session_quota()
    {
        Host.Options = Host.Options with { MaxUnpackedZipBytes = 100_000 };
        var zip = TestPackages.Zip([("import.xml", Encoding.UTF8.GetBytes(TestPackages.CatalogXml(3))), ("big.bin", new byte[300_000])]);
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        await Raw.PostAsync("type=catalog&mode=file&filename=pack.zip", zip, cookie);

        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo("failure\nРаспакованный архив больше допустимого объёма (100000 байт). Архив pack.zip удалён, обмен можно продолжать."));
        Assert.That(Directory.EnumerateFiles(Scratch, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task A_zip_with_too_many_entries_is_refused()
    {
        Host.Options = Host.Options with { MaxZipEntries = 5 };
        var zip = TestPackages.Zip(Enumerable.Range(0, 6).Select(i => ($"f{i}.txt", new byte[] { 1 })));
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.PostAsync("type=catalog&mode=file&filename=pack.zip", zip, cookie);
        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=f0.txt", cookie),
            Is.EqualTo("failure\nВ архиве 6 файлов, допустимо не более 5. Архив pack.zip удалён, обмен можно продолжать."));
    }

    [Test]
    public async Task A_truncated_upload_leaves_the_staged_file_as_it_was()
    {
        var (cookie, sessid, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", Encoding.UTF8.GetBytes("<first-chunk>"), cookie), Is.EqualTo("success"));

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, Host.BaseAddress.Port);
            var stream = tcp.GetStream();
            var head = $"POST /1c-exchange?type=catalog&mode=file&filename=import.xml&sessid={sessid} HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                       $"Cookie: {cookie}\r\nContent-Length: 1000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(new byte[400]).ToArray());
            await stream.FlushAsync();
            tcp.Client.Shutdown(SocketShutdown.Send);
            try
            {
                await new StreamReader(stream).ReadToEndAsync();
            }
            catch (IOException)
            {
                // Kestrel may reset a connection whose body ended early; what matters is the state on the server.
            }
        }
        await WaitForLogAsync(e => e.Mode == "file" && e.Outcome == ExchangeOutcome.Failure);

        Assert.That(File.ReadAllText(Path.Combine(StagedFolderOfOnlySession(), "import.xml")), Is.EqualTo("<first-chunk>"));
        Assert.That(Host.Log.Entries.Last(e => e.Mode == "file").Message, Is.EqualTo("Передача файла import.xml прервана."));
    }

    [Test]
    public async Task A_body_over_file_limit_is_refused_before_it_is_stored()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", new byte[70_000], cookie),
            Is.EqualTo("failure\nТело запроса (70000 байт) больше file_limit (65536 байт)."));
        Assert.That(Directory.EnumerateFiles(Scratch, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task The_session_quota_limits_what_one_exchange_may_stage()
    {
        Host.Options = Host.Options with { MaxSessionBytes = 100_000 };
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=a.xml", new byte[60_000], cookie), Is.EqualTo("success"));
        Assert.That(await Raw.PostAsync("type=catalog&mode=file&filename=b.xml", new byte[60_000], cookie),
            Is.EqualTo("failure\nПревышен допустимый общий объём файлов сеанса обмена."));
        Assert.That(File.Exists(Path.Combine(StagedFolderOfOnlySession(), "b.xml")), Is.False);
    }

    [Test]
    public async Task Malformed_xml_fails_the_import_and_applies_nothing()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.GetAsync("type=catalog&mode=init", cookie);
        await Raw.PostAsync("type=catalog&mode=file&filename=bad.xml", Encoding.UTF8.GetBytes("<КоммерческаяИнформация><Каталог><Товар></Каталог>"), cookie);

        var answer = await Raw.GetAsync("type=catalog&mode=import&filename=bad.xml", cookie);

        Assert.That(answer, Does.StartWith("failure\nОшибка загрузки файла bad.xml: некорректный XML ("));
        Assert.That(answer.Split('\n'), Has.Length.EqualTo(2));
        Assert.That(Host.CatalogImports.AppliedTo("bad.xml"), Is.Empty);
        Assert.That(Host.State.Checkpoints.Single().Status, Is.EqualTo(FileImportStatus.Failed));
        Assert.That(await Raw.GetAsync("type=catalog&mode=deactivate", cookie),
            Is.EqualTo("failure\nОбмен прошёл с ошибками: отсутствующие в выгрузке товары не деактивированы."));
        Assert.That(Host.Completion.Completions, Is.Empty);
    }

    [Test]
    public async Task A_file_request_without_a_post_body_is_refused()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync("type=catalog&mode=file&filename=import.xml", cookie),
            Is.EqualTo("failure\nФайл передаётся методом POST (тело запроса — содержимое файла)."));
        Assert.That(File.Exists(Path.Combine(StagedFolderOfOnlySession(), "import.xml")), Is.False);
    }

    [Test]
    public async Task Importing_a_file_that_was_never_uploaded_fails()
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=offers.xml", cookie),
            Is.EqualTo("failure\nФайл offers.xml не найден: сначала его нужно передать (mode=file)."));
    }

    [TestCase("type=catalog&mode=foo", "Неизвестный режим обмена: foo.")]
    [TestCase("type=catalog&mode=query", "Неизвестный режим обмена: query.")]
    [TestCase("type=sale&mode=deactivate", "Неизвестный режим обмена: deactivate.")]
    [TestCase("type=catalog", "Не указан режим обмена (mode).")]
    [TestCase("type=reference&mode=checkauth", "Неизвестный тип обмена: reference.")]
    [TestCase("mode=checkauth", "Не указан тип обмена (type).")]
    public async Task Unknown_type_or_mode_is_refused(string query, string reason)
    {
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        Assert.That(await Raw.GetAsync(query, cookie), Is.EqualTo("failure\n" + reason));
        Assert.That(Raw.LastResponse!.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
        Assert.That(Host.Log.Entries.Last().Message, Is.EqualTo(reason));
    }

    [Test]
    public async Task Concurrent_checkauths_each_open_a_session_and_all_but_the_newest_are_superseded()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var raw = new RawExchangeClient(Host);
            return await raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.GoodBasic);
        }));
        Assert.That(answers, Has.All.StartWith("success\n"));
        Assert.That(Host.State.Sessions, Has.Count.EqualTo(4));
        Assert.That(Host.State.Sessions.Count(s => !s.Superseded), Is.EqualTo(1));
    }

    [Test]
    public async Task An_address_outside_the_allow_list_is_refused()
    {
        Host.Options = Host.Options with { AllowedIpAddresses = "10.0.0.0/8, 192.168.1.7" };
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.GoodBasic),
            Is.EqualTo("failure\nАдрес 127.0.0.1 не входит в список разрешённых для обмена."));
        Host.Options = Host.Options with { AllowedIpAddresses = "10.0.0.0/8\n127.0.0.0/8" };
        Assert.That((await Raw.CheckAuthAsync("catalog")).Lines[0], Is.EqualTo("success"));
    }

    [Test]
    public async Task A_disabled_exchange_answers_failure()
    {
        Host.Options = Host.Options with { Enabled = false };
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.GoodBasic),
            Is.EqualTo("failure\nОбмен с 1С выключен в настройках магазина"));
    }

    [Test]
    public async Task An_exchange_without_credentials_says_it_is_not_set_up()
    {
        Host.Options = Host.Options with { PasswordHash = "" };
        Assert.That(await Raw.GetAsync("type=catalog&mode=checkauth", auth: RawExchangeClient.Basic(LoopbackExchangeHost.Login, "")),
            Is.EqualTo("failure\nОбмен не настроен: в настройках магазина не заданы логин и пароль обмена"));
    }

    [Test]
    public async Task An_unexpected_error_is_a_failure_answer_without_internals_and_is_logged()
    {
        Host.CatalogImportOverride = new ThrowingFactory();
        var (cookie, _, _) = await Raw.CheckAuthAsync("catalog");
        await Raw.PostAsync("type=catalog&mode=file&filename=import.xml", Encoding.UTF8.GetBytes("<a/>"), cookie);

        Assert.That(await Raw.GetAsync("type=catalog&mode=import&filename=import.xml", cookie),
            Is.EqualTo("failure\nВнутренняя ошибка обмена на сайте; подробности в журнале обмена."));
        Assert.That(Host.Log.Entries.Last().Error, Does.Contain("secret connection string"));
    }

    private sealed class ThrowingFactory : OneCExchange.Core.Ports.IFileImportFactory
    {
        public OneCExchange.Core.Ports.IFileImport Open(OneCExchange.Core.Ports.FileImportRequest request) =>
            throw new InvalidOperationException("secret connection string");
    }

    private async Task WaitForLogAsync(Func<ExchangeLogEntry, bool> predicate)
    {
        for (var i = 0; i < 100 && !Host.Log.Entries.Any(predicate); i++)
            await Task.Delay(20);
        Assert.That(Host.Log.Entries.Any(predicate), "the server logged the request");
    }
}
