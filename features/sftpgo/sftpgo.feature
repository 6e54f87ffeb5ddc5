# Transcribes Authelia's SFTPGo guide (../shared/docs/authelia-2026-05-26/clients/sftpgo/index.md): three
# configuration methods, the Configuration File (JSON) and Environment Variables (a .env block and a
# Docker Compose block), each on its own SFTPGo. The guide's Authelia YAML gives every user a role
# claim, sftpgo_role, from their Authelia groups; SFTPGo lets an "admin" into its WebAdmin and anyone
# else into its WebClient. The guide has no numbered steps: the login pages are SFTPGo's own.
#
# "# guide: Section" names the part of the guide the next Gherkin step transcribes, "Application >
# <method>" a configuration method by its heading. The users are named after the roles the guide's
# expression can give; at run time the suite takes every value from the guide itself.
Feature: Integrating SFTPGo with the Authelia OpenID Connect 1.0 Provider, by every configuration method
  As an Authelia docs maintainer
  I want each configuration method of the SFTPGo guide used against the real products
  So that the guide says only what is true, whichever method a reader picks

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for SFTPGo

  Scenario Outline: Configured by "<method>", a user whose role is "admin" logs in to the WebAdmin
    # guide: Application > <method>
    Given SFTPGo is configured as the guide's "<method>" method says
    # guide: Configuration > Authelia
    And "admin" is in the Authelia groups for which the guide's role expression gives "admin"
    And SFTPGo has an admin named like them
    When on SFTPGo's WebAdmin login page, I choose to sign in with OpenID
    And I login as "admin"
    Then I am in SFTPGo's WebAdmin as "admin"

    Examples:
      | method                           |
      | Environment Variables (Standard) |

    @deviation
    Examples: The Docker Compose block's scopes leave out the scope of the role claim
      | method                                 |
      | Environment Variables (Docker Compose) |

  Scenario Outline: Configured by "<method>", a user whose role is "user" logs in to the WebClient
    # guide: Application > <method>
    Given SFTPGo is configured as the guide's "<method>" method says
    # guide: Configuration > Authelia
    And "user" is in the Authelia groups for which the guide's role expression gives "user"
    And SFTPGo has a user named like them
    When on SFTPGo's WebClient login page, I choose to sign in with OpenID
    And I login as "user"
    Then I am in SFTPGo's WebClient as "user"

    Examples:
      | method                                 |
      | Environment Variables (Standard)       |
      | Environment Variables (Docker Compose) |

  Scenario Outline: Configured by "<method>", a user whose role is "manager" is not let in to the WebAdmin
    # guide: Application > <method>
    Given SFTPGo is configured as the guide's "<method>" method says
    # guide: Configuration > Authelia
    And "manager" is in the Authelia groups for which the guide's role expression gives "manager"
    And SFTPGo has an admin named like them
    When on SFTPGo's WebAdmin login page, I choose to sign in with OpenID
    And I login as "manager"
    Then SFTPGo does not let me in to the WebAdmin, saying the role does not fit

    Examples:
      | method                                 |
      | Environment Variables (Standard)       |
      | Environment Variables (Docker Compose) |

  @deviation
  Scenario: Configured by "Configuration File" as written, SFTPGo offers to sign in with OpenID
    Recorded deviation: SFTPGo reads its OpenID Connect settings per HTTP binding
    (httpd.bindings[N].oidc); the guide's configuration file puts them under a top-level "oidc" key,
    which SFTPGo ignores. This scenario stays green while that is so and turns red when guide or
    SFTPGo change.

    # guide: Application > Configuration File
    Given SFTPGo is configured as the guide's "Configuration File" method says
