"""The trainee's side of an invitation: the link in the e-mail sets a password and signs in.

The link carries allauth's password-reset key (``invitations.tasks``), so it expires like one
and stops working once a password is set (the key is made from the password hash). The page is
allauth's "reset password from key" view (its rate limit, and the key moved out of the address
before the form is shown) with the invitation's words. Once the password is set the trainee is
signed in through allauth's login flow, whose stages still run: an account with an
authenticator is asked for its code before it is signed in. The address needs no confirming:
the account was created with it verified, the invitation having been sent to it
(``accounts.services.trainee_create``). Where the trainee lands is the adapter's choice
(``accounts.adapters``): the welcome page on a trainee's first sign-in.
"""

from allauth.account.internal.flows.password_reset import perform_password_reset_login
from allauth.account.views import PasswordResetFromKeyView
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.adapters import SET_PASSWORD_URL_NAME
from web.http_methods import method_not_allowed

ALLOWED_METHODS = ("GET", "HEAD", "POST")


class SetPasswordView(PasswordResetFromKeyView):
    template_name = "invitations/set_password.html"

    def dispatch(self, request, *args, **kwargs):
        # Before allauth's dispatch, which redirects any method that brings a valid key.
        if request.method not in ALLOWED_METHODS:
            return method_not_allowed(request, ALLOWED_METHODS)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # allauth's labels and placeholders say "New password": an invited trainee never had one.
        for name, label in (("password1", _("Password")), ("password2", _("Password (again)"))):
            form.fields[name].label = label
            form.fields[name].widget.attrs.pop("placeholder", None)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse(
            SET_PASSWORD_URL_NAME, kwargs={"uidb36": self.kwargs["uidb36"], "key": self.kwargs["key"]}
        )
        context["account_email"] = self.reset_user.email if self.reset_user else ""
        return context

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Your password is set."))
        return perform_password_reset_login(self.request, self.reset_user, email=self.reset_user.email)


set_password = SetPasswordView.as_view()
