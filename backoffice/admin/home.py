"""The home page: until the dashboard exists, a map of what the backoffice keeps."""

from flask_admin import AdminIndexView, expose

from .. import access


class HomeView(AdminIndexView):
    def is_accessible(self) -> bool:
        return access.allowed("network", "view")

    @expose("/")
    def index(self):
        return self.render("home.html")
