using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Mvc.Filters;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CheckPermissionAttribute : TypeFilterAttribute
{
    public CheckPermissionAttribute(string permissionSystemName, CheckPermissionResultType resultType = CheckPermissionResultType.Default) : base(typeof(object)) =>
        throw new NotImplementedException();

    public enum CheckPermissionResultType
    {
        Default = 0,

        Html = 1,

        Text = 2,

        Json = 3
    }
}
