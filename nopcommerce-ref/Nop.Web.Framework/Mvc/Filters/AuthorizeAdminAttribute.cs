using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Mvc.Filters;

public sealed class AuthorizeAdminAttribute : TypeFilterAttribute
{
    public AuthorizeAdminAttribute(bool ignore = false) : base(typeof(object)) => throw new NotImplementedException();
}
