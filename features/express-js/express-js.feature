# Transcribes Authelia's Express.js guide (../shared/docs/authelia-2026-05-26/clients/expressjs/index.md): a
# developer guide that writes the application itself. Its Project Initialization commands run in a fresh folder,
# its server.js goes where they end, and Node.js runs it once per environment method (.env, Docker Compose),
# behind a TLS proxy for the guide's Application Root URL. Every page of server.js needs a login: opening it sends
# a visitor to Authelia, and the page a user lands on shows the user's claims.
#
# "# guide: Section" names the part of the guide the next Gherkin step transcribes, "Application >
# <method>" a configuration method by its heading. At run time the suite takes every value from the
# guide itself: the commands, the program and the variables.
Feature: Integrating Express.js with the Authelia OpenID Connect 1.0 Provider
  As an Authelia docs maintainer
  I want the application the Express.js guide writes run with each of its configuration methods
  So that the guide says only what is true, whichever method a reader picks

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for Express.js

  Scenario Outline: Configured by "<method>", a user signs in through Authelia and the application shows their claims
    # guide: Application > <method>
    Given Express.js is configured as the guide's "<method>" method says
    When I open Express.js's page, which sends me to Authelia
    And I login as "admin"
    Then I am logged in to Express.js as "admin"

    Examples:
      | method                                     |
      | Generalized Instructions (Standard)       |
      | Generalized Instructions (Docker Compose) |
