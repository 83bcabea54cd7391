from django.middleware.csp import ContentSecurityPolicyMiddleware as DjangoCSPMiddleware

# The Wagtail and Django admins are staff-only tools that rely on inline scripts of their own.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(DjangoCSPMiddleware):
    """Django's CSP middleware, applied to every page but the admin interfaces."""

    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIXES):
            return response
        return super().process_response(request, response)
