"""The home page: until the dashboard exists, a map of what the backoffice keeps."""

from flask_admin import AdminIndexView, expose

from .guard import AccessControlled


class HomeView(AccessControlled, AdminIndexView):
    area = "home"

    @expose("/")
    def index(self):
        return self.render("home.html")
