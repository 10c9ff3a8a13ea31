namespace Nop.Web.Framework.Models;

public partial record BaseNopModel;
