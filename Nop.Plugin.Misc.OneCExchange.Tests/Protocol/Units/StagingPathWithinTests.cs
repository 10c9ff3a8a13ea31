using NUnit.Framework;
using OneCExchange.Core.Staging;

namespace OneCExchange.Tests.Protocol.Units;

/// <summary>The one rule every file a session reads goes through: the path stays inside the session's folder.</summary>
public class StagingPathWithinTests
{
    // Not created: the rule works on the text of the paths.
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "within", "a", "b");

    [TestCase("import.xml")]
    [TestCase("import_files/ab/x.jpg")]
    [TestCase("import_files\\ab\\x.jpg")]
    [TestCase("goods/./1.xml")]
    public void A_path_below_the_folder_is_resolved_inside_it(string relative)
    {
        var full = StagingPath.Within(Folder, relative);

        Assert.That(full, Does.StartWith(Folder + Path.DirectorySeparatorChar));
        Assert.That(Path.GetFileName(full), Is.EqualTo(Path.GetFileName(relative.Replace('\\', '/').Split('/')[^1])));
    }

    [Test]
    public void A_folder_given_with_a_trailing_separator_is_the_same_folder() =>
        Assert.That(StagingPath.Within(Folder + Path.DirectorySeparatorChar, "x.xml"), Is.EqualTo(Path.Combine(Folder, "x.xml")));

    [TestCase("../x.xml")]
    [TestCase("..")]
    [TestCase("sub/../../x.xml")]
    [TestCase("sub/../x.xml")]
    [TestCase("..\\x.xml")]
    public void A_dot_dot_segment_is_refused_even_when_it_would_land_inside(string relative) =>
        Assert.That(StagingPath.Within(Folder, relative), Is.Null);

    [Test]
    public void An_absolute_path_is_refused_even_inside_the_folder()
    {
        Assert.That(StagingPath.Within(Folder, "/x.xml"), Is.Null);
        Assert.That(StagingPath.Within(Folder, "\\x.xml"), Is.Null);
        Assert.That(StagingPath.Within(Folder, Path.Combine(Folder, "x.xml")), Is.Null);
        Assert.That(StagingPath.Within(Folder, Path.GetTempPath()), Is.Null);
    }

    [Test]
    public void A_sibling_folder_that_shares_the_prefix_is_outside()
    {
        // /…/a/bc is not inside /…/a/b although its text starts with it.
        var sibling = Folder + "c";
        Assert.That(StagingPath.Within(Folder, "../bc/x.xml"), Is.Null);
        Assert.That(StagingPath.Within(sibling, "x.xml"), Is.EqualTo(Path.Combine(sibling, "x.xml")));
        Assert.That(Path.Combine(sibling, "x.xml"), Does.Not.StartWith(Folder + Path.DirectorySeparatorChar));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("./")]
    public void The_folder_itself_is_not_a_file_inside_it(string relative) =>
        Assert.That(StagingPath.Within(Folder, relative), Is.Null);

    [TestCase("x\0.xml")]
    [TestCase("x\n.xml")]
    [TestCase("sub\t/x.xml")]
    [TestCase("x\u007f.xml")]
    public void A_control_character_is_refused(string relative) =>
        Assert.That(StagingPath.Within(Folder, relative), Is.Null);

    [Test]
    public void Resolve_refuses_what_the_rule_refuses_with_a_staging_error()
    {
        Assert.That(StagingPath.Resolve(Folder, "import_files/x.jpg"), Is.EqualTo(StagingPath.Within(Folder, "import_files/x.jpg")));
        Assert.That(() => StagingPath.Resolve(Folder, "../x.xml"), Throws.TypeOf<StagingException>());
    }
}
