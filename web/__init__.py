"""Small web helpers every app may use; no models, and no imports of the project's apps, so
it sits below all of them."""
