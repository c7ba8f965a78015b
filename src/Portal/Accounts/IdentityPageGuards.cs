using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.V4.Pages.Account.Manage.Internal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CancellationPortal.Portal.Accounts;

/// <summary>
/// Some of the Identity UI's pages throw, and answer 500, when opened out of turn. These filters answer such a
/// visit with the step that makes sense instead.
/// </summary>
public static class IdentityPageGuards
{
    public static PageConventionCollection GuardIdentityPages(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);

        // The second sign-in step (authenticator or recovery code) without a first one: sign in.
        Add(conventions, "/Account/LoginWith2fa", new TwoFactorStepFilter());
        Add(conventions, "/Account/LoginWithRecoveryCode", new TwoFactorStepFilter());

        // Turning off, or renewing the codes of, a two-factor sign-in that is not on: the two-factor settings.
        Add(conventions, "/Account/Manage/Disable2fa", new TwoFactorOnFilter());
        Add(conventions, "/Account/Manage/GenerateRecoveryCodes", new TwoFactorOnFilter());

        // Deleting the account with the password left out: told the password is wrong, not a 500.
        Add(conventions, "/Account/Manage/DeletePersonalData", new MissingPasswordFilter());

        // Shoppers sign in with their email and password only: the pages for signing in through another service are not offered.
        Add(conventions, "/Account/ExternalLogin", new NotOfferedFilter());
        Add(conventions, "/Account/Manage/ExternalLogins", new NotOfferedFilter());
        return conventions;
    }

    private static void Add(PageConventionCollection conventions, string page, IFilterMetadata filter) =>
        conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.Filters.Add(filter));

    private sealed class TwoFactorStepFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            {
                var returnUrl = context.HttpContext.Request.Query["returnUrl"].ToString();
                context.Result = new RedirectToPageResult("/Account/Login", new { area = "Identity", returnUrl = returnUrl.Length == 0 ? null : returnUrl });
                return;
            }

            await next();
        }
    }

    private sealed class TwoFactorOnFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.GetUserAsync(context.HttpContext.User);
            if (user is not null && !await users.GetTwoFactorEnabledAsync(user))
            {
                context.Result = new RedirectToPageResult("/Account/Manage/TwoFactorAuthentication", new { area = "Identity" });
                return;
            }

            await next();
        }
    }

    private sealed class NotOfferedFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
    }

    private sealed class MissingPasswordFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            // The page checks the password without looking at its own validation; an empty one is simply wrong.
            if (context.HandlerInstance is DeletePersonalDataModel page)
            {
                page.Input ??= new DeletePersonalDataModel.InputModel();
                page.Input.Password ??= "";
            }

            return next();
        }
    }
}
