"""View decorators for the pages that show or change what a coordinator's scope covers."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache

from accounts import two_factor
from accounts.scope import Scope
from accounts.selectors import is_coordinator


def coordinator_required(view):
    """Coordinators and administrators whose session passed two-factor authentication; scope
    attached. Report pages and exports are never kept in a browser's or proxy's cache."""

    @login_required
    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        if not two_factor.session_passed_two_factor(request):
            return two_factor.second_factor_redirect(request, two_factor.personal_data_message())
        request.scope = Scope.for_user(request.user)
        return view(request, *args, **kwargs)

    return wrapper
