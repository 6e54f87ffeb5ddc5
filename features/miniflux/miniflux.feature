# Transcribes Authelia's Miniflux guide (../shared/docs/authelia-2026-05-26/clients/miniflux/index.md): one
# configuration method, Environment Variables, as a .env block and as a Docker Compose block, each on its own
# Miniflux (with its own PostgreSQL, which the guide takes for granted). The guide has no numbered steps: the
# login page is Miniflux's own, and OAUTH2_USER_CREATION makes the user at the first sign-in.
#
# "# guide: Section" names the part of the guide the next Gherkin step transcribes, "Application >
# <method>" a configuration method by its heading. At run time the suite takes every value from the
# guide itself: the button's name from the method's provider name.
Feature: Integrating Miniflux with the Authelia OpenID Connect 1.0 Provider
  As an Authelia docs maintainer
  I want each configuration method of the Miniflux guide used against the real products
  So that the guide says only what is true, whichever method a reader picks

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for Miniflux

  Scenario Outline: Configured by "<method>", a user signs in through Authelia and Miniflux creates their account
    # guide: Application > <method>
    Given Miniflux is configured as the guide's "<method>" method says
    When I click Miniflux's button to sign in with Authelia
    And I login as "user"
    Then I am logged in to Miniflux as "user"

    Examples:
      | method                                 |
      | Environment Variables (Standard)       |
      | Environment Variables (Docker Compose) |
