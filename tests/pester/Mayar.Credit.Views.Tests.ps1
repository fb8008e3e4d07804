# The default table of every output type in an 80-column terminal (Pester 5): no line wider than 80, and the
# values a user came for (ids, emails, balances) shown whole, not cut with an ellipsis. What a table leaves out is in
# the list view (tests/Mayar.Credit.Tests/FormatFileTests.cs checks that every public property is in a view).
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    # The default view of the objects as PowerShell renders it at a width, without ANSI styling, one string a line.
    function Get-RenderedLine {
        param([Parameter(ValueFromPipeline)] $InputObject, [int] $Width = 80)
        begin { $all = [System.Collections.Generic.List[object]]::new() }
        process { $all.Add($InputObject) }
        end {
            $text = ($all | Out-String -Width $Width) -replace "$([char]27)\[[0-9;]*m", ''
            @($text -split "`r?`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ })
        }
    }

    # A value as a table cell shows it: numbers in the current culture, like PowerShell's formatter.
    function ConvertTo-Cell {
        param($Value)
        if ($Value -is [decimal] -or $Value -is [int] -or $Value -is [double]) {
            return $Value.ToString([cultureinfo]::CurrentCulture)
        }

        "$Value"
    }

    # Asserts the table of $Objects fits 80 columns and shows every value of $Whole of every object as one whole word,
    # both through Out-String -Width 80 and at 79: an 80-column console gives a table one column less (PowerShell's
    # console host leaves the last column of the window empty), so that is what a user of such a terminal sees.
    function Assert-TableFit {
        param([object[]] $Objects, [string[]] $Whole)
        foreach ($width in 80, 79) {
            $lines = $Objects | Get-RenderedLine -Width $width
            # A table: the header, the dashes, then one line per object.
            $lines.Count | Should -Be ($Objects.Count + 2) -Because "at $width columns the default view is a one-line-per-object table:`n$($lines -join "`n")"
            $lines[1] | Should -Match '^[-\s]+$' -Because 'the second line of a table is the dashes under the header'
            foreach ($line in $lines) {
                $line.Length | Should -BeLessOrEqual $width -Because "'$line' must fit $width columns"
            }

            for ($row = 0; $row -lt $Objects.Count; $row++) {
                $cells = @($lines[$row + 2].Trim() -split '\s+')
                foreach ($property in $Whole) {
                    $value = ConvertTo-Cell $Objects[$row].$property
                    $value | Should -Not -BeNullOrEmpty -Because "the sample must have a $property"
                    $cells | Should -Contain $value -Because "at $width columns $property '$value' must be whole in '$($lines[$row + 2])'"
                }
            }
        }
    }

    # The cells of a one-object table read across every line its row takes: with <Wrap/> a value longer than its
    # column goes on in that column on the next lines, so a cell is the column's slice of each line, joined. Columns
    # are laid out as PowerShell does: each fixed one its Width, one space between, the last takes the rest.
    function Get-WrappedCell {
        param([Parameter(Mandatory)] $InputObject, [int] $Width)
        $lines = @($InputObject | Get-RenderedLine -Width $Width)
        $view = @((Get-FormatData -TypeName $InputObject.PSObject.TypeNames[0]).FormatViewDefinition |
                Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0]
        $headers = @($view.Control.Headers)
        $columns = @($view.Control.Rows[0].Columns)
        $cells = [ordered]@{}
        $start = 0
        for ($i = 0; $i -lt $headers.Count; $i++) {
            $isLast = $i -eq $headers.Count - 1
            $parts = foreach ($line in $lines[2..($lines.Count - 1)]) {
                if ($line.Length -gt $start) {
                    $end = $line.Length
                    if (-not $isLast) {
                        $end = [Math]::Min($line.Length, $start + $headers[$i].Width)
                    }

                    $line.Substring($start, $end - $start).Trim()
                }
            }

            $cells[$columns[$i].DisplayEntry.Value] = @($parts) -join ''
            $start += $headers[$i].Width + 1
        }

        [pscustomobject]@{ Lines = $lines; Cells = $cells }
    }

    # Asserts the table of one object fits 80 (and 79) columns and shows every value of $Whole with every character,
    # on one line or wrapped over several; $Wrapped must take more than one line (the long value is not cut).
    function Assert-TableWhole {
        param([object] $Object, [string[]] $Whole, [string[]] $Wrapped)
        foreach ($width in 80, 79) {
            $table = Get-WrappedCell -InputObject $Object -Width $width
            $shown = $table.Lines -join "`n"
            $table.Lines[1] | Should -Match '^[-\s]+$' -Because "the second line of a table is the dashes under the header:`n$shown"
            foreach ($line in $table.Lines) {
                $line.Length | Should -BeLessOrEqual $width -Because "'$line' must fit $width columns"
                $line | Should -Not -Match ([char]0x2026) -Because 'a wrapped table cuts nothing with an ellipsis'
            }

            foreach ($property in $Whole) {
                $value = ConvertTo-Cell $Object.$property
                $value | Should -Not -BeNullOrEmpty -Because "the sample must have a $property"
                $table.Cells[$property] | Should -BeExactly $value -Because "at $width columns every character of $property must be in its column:`n$shown"
            }

            if ($Wrapped) {
                $table.Lines.Count | Should -BeGreaterThan 3 -Because "at $width columns $($Wrapped -join ', ') wraps over more than one line:`n$shown"
            }
        }
    }

    Reset-Emulator
    Connect-Emulator

    # Long but ordinary values: 36-character ids, a 30-character email, balances of 1234567 and more with decimals.
    $script:email = 'bright.example.0001@example.id'
    $script:email.Length | Should -Be 30
    $script:productId = $script:emulator.ProductId
    $script:productId.Length | Should -Be 36

    # Longer than any table column gives an email in 80 columns (30 to 43 characters): 55 characters, unique.
    function Get-LongEmail {
        param([string] $Kind)
        $local = ("$Kind.with.a.long.address." + [guid]::NewGuid().ToString('N')).Substring(0, 44)
        $email = "$local@example.id"
        $email.Length | Should -Be 55
        $email
    }
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Tables in 80 columns' {
    It 'the connection shows its environment, address, key hint and source whole' {
        Assert-TableFit -Objects @(Get-MayarConnection) -Whole 'Environment', 'BaseUri', 'ApiKeyHint', 'Source'
    }

    It 'a registration shows its customer id, email and trial credit whole' {
        $registered = Register-MayarCustomer -ProductId $script:productId -Name 'Bright Example Customer' -Email $script:email -Mobile '081234567890' -TrialCredit 1234567
        $registered.CustomerId.Length | Should -Be 36
        Assert-TableFit -Objects @($registered) -Whole 'CustomerId', 'Email', 'TrialCredit'
    }

    It 'a membership registration shows its member id, period and email whole' {
        $member = Register-MayarCustomer -ProductId '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10' -MembershipTierId 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f' -MonthlyPeriod 12 -Name 'Bright Example Customer' -Email $script:email -Mobile '081234567890'
        Assert-TableFit -Objects @($member) -Whole 'MemberId', 'MonthlyPeriod', 'Email'
    }

    It 'a customer record shows its id, status and email whole' {
        $created = New-MayarCustomer -Name 'Bright Example Customer' -Email $script:email -Phone '081234567890' -City 'Bandung' -Country ID -Status inactive
        Assert-TableFit -Objects @($created) -Whole 'Id', 'Status', 'Email'

        # The emulator's ids are 26-character ULIDs; the record may carry a UUID.
        $customer = [Mayar.Credit.Client.MayarCustomer]::new()
        $customer.Id = [guid]::NewGuid().ToString()
        $customer.Name = 'Bright Example Customer'
        $customer.Email = $script:email
        $customer.Status = 'active'
        $customer.Country = 'ID'
        $customer.CreatedAt = [DateTimeOffset]::Now
        $customer.Id.Length | Should -Be 36
        Assert-TableFit -Objects @($customer, $created) -Whole 'Id', 'Status', 'Email'
    }

    It 'a balance shows its customer id and all three balances whole' {
        $registered = Register-MayarCustomer -ProductId $script:productId -Name 'Bright Balance' -Email 'bright.balance.01@example.id' -Mobile '081234567891'
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'credit' -Body @{ customerId = $registered.CustomerId; productId = $script:productId; amount = 1234567; wallet = 'MAIN' } | Out-Null
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'credit' -Body @{ customerId = $registered.CustomerId; productId = $script:productId; amount = 7654321.25; wallet = 'ADD_ON' } | Out-Null
        $balance = $registered | Get-MayarCreditBalance
        $balance.MainBalance | Should -Be 1234567
        $balance.AddonBalance | Should -Be 7654321.25
        Assert-TableFit -Objects @($balance) -Whole 'CustomerId', 'Balance', 'MainBalance', 'AddonBalance'
    }

    It 'balances of 100, 200 and 300 read as such, not as 0 0 0 (issue 9)' {
        $registered = foreach ($amount in 100, 200, 300) {
            $one = Register-MayarCustomer -ProductId $script:productId -Name "Balance $amount" -Email "balance.$amount@example.id" -Mobile '081234567892'
            Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'credit' -Body @{ customerId = $one.CustomerId; productId = $script:productId; amount = $amount; wallet = 'MAIN' } | Out-Null
            $one
        }

        $balances = @($registered | Get-MayarCreditBalance)
        $balances.Balance | Should -Be 100, 200, 300
        Assert-TableFit -Objects $balances -Whole 'CustomerId', 'Balance', 'MainBalance', 'AddonBalance'
    }

    It 'a balance built by hand with the largest sample values fits too' {
        $balance = [Mayar.Credit.Client.CreditBalance]::new()
        $balance.CustomerId = [guid]::NewGuid().ToString()
        $balance.ProductId = [guid]::NewGuid().ToString()
        $balance.Balance = 98765432.75
        $balance.MainBalance = 1234567.5
        $balance.AddonBalance = 97530865.25
        Assert-TableFit -Objects @($balance) -Whole 'CustomerId', 'Balance', 'MainBalance', 'AddonBalance'
    }
}

Describe 'Credit history in 80 columns' {
    It 'an entry shows its time, type, wallet and signed amount whole' {
        $registered = Register-MayarCustomer -ProductId $script:productId -Name 'Bright History' -Email 'bright.history.01@example.id' -Mobile '081234567894' -TrialCredit 1234567
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'credit' -Body @{ customerId = $registered.CustomerId; productId = $script:productId; amount = 7654321; wallet = 'MAIN' } | Out-Null
        $entries = @($registered | Get-MayarCreditHistory)
        $entries.Amount | Should -Be 7654321, 1234567
        Assert-TableFit -Objects $entries -Whole 'Type', 'WalletType', 'Amount'
        foreach ($width in 80, 79) {
            $lines = $entries | Get-RenderedLine -Width $width
            $lines[2] | Should -Match '^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z '
        }
    }
}

Describe 'Checkout links in 80 columns' {
    It 'a checkout shows its credit amount, email and whole link, wrapped, and the list view its links' {
        $checkout = New-MayarCreditCheckout -ProductId $script:productId -Name 'Bright Checkout' -Email $script:email -Mobile '081234567895' -CreditAmount 1234567
        $checkout.CheckoutUrl.Length | Should -BeGreaterThan 80 -Because 'a link longer than a line shows that the table wraps it'
        Assert-TableWhole -Object $checkout -Whole 'CreditAmount', 'Email', 'CheckoutUrl' -Wrapped 'CheckoutUrl'
        $list = ($checkout | Format-List | Out-String -Width 400) -replace "$([char]27)\[[0-9;]*m", ''
        $list | Should -Match ('CheckoutUrl\s*: ' + [regex]::Escape($checkout.CheckoutUrl))
        $list | Should -Match ('PaymentLinkUrl\s*: ' + [regex]::Escape($checkout.PaymentLinkUrl))
    }

    It 'a checkout for a 55-character email shows the email and the link whole, wrapped' {
        $email = Get-LongEmail -Kind 'checkout'
        $checkout = New-MayarCreditCheckout -ProductId $script:productId -Name 'Bright Checkout' -Email $email -Mobile '081234567895' -CreditAmount 1234567
        Assert-TableWhole -Object $checkout -Whole 'CreditAmount', 'Email', 'CheckoutUrl' -Wrapped 'Email', 'CheckoutUrl'
    }
}

Describe 'Long values wrap whole in 80 columns' {
    It 'a registration with a 55-character email shows it whole over two lines' {
        $email = Get-LongEmail -Kind 'register'
        $registered = Register-MayarCustomer -ProductId $script:productId -Name 'Bright Long Email' -Email $email -Mobile '081234567890' -TrialCredit 1234567
        Assert-TableWhole -Object $registered -Whole 'CustomerId', 'TrialCredit', 'Email' -Wrapped 'Email'
    }

    It 'a membership registration with a 55-character email shows it whole (its email column holds 56)' {
        $email = Get-LongEmail -Kind 'member'
        $member = Register-MayarCustomer -ProductId '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10' -MembershipTierId 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f' -MonthlyPeriod 12 -Name 'Bright Long Email' -Email $email -Mobile '081234567890'
        Assert-TableWhole -Object $member -Whole 'MemberId', 'MonthlyPeriod', 'Email'
    }

    It 'a customer record and a listed customer with a 55-character email show it whole' {
        $email = Get-LongEmail -Kind 'record'
        $created = New-MayarCustomer -Name 'Bright Long Email' -Email $email -Phone '081234567890' -City 'Bandung' -Country ID -Status inactive
        Assert-TableWhole -Object $created -Whole 'Id', 'Status', 'Email' -Wrapped 'Email'

        $email = Get-LongEmail -Kind 'listed'
        Register-MayarCustomer -ProductId $script:productId -Name 'Bright Long Listed' -Email $email -Mobile '081234567890' | Out-Null
        $listed = Get-MayarCustomer -Email $email
        Assert-TableWhole -Object $listed -Whole 'CustomerId', 'Status', 'Email' -Wrapped 'Email'
    }
}

Describe 'The list view keeps what the table leaves out' {
    It 'shows the product id of a balance and of a registration whole' {
        $registered = Register-MayarCustomer -ProductId $script:productId -Name 'Bright List' -Email 'bright.list.0001@example.id' -Mobile '081234567893'
        foreach ($item in $registered, ($registered | Get-MayarCreditBalance)) {
            $lines = $item | Format-List | Get-RenderedLine
            $lines | Where-Object { $_ -match '^ProductId\s*:' } | Should -Match ([regex]::Escape($script:productId) + '$')
            foreach ($line in $lines) {
                $line.Length | Should -BeLessOrEqual 80
            }
        }
    }
}

Describe 'Credit movements in 80 columns' {
    It 'a top-up and a spend show the customer and the amounts whole' {
        $registered = Register-MayarCustomer -ProductId $script:productId -Name 'Bright Movement' -Email 'bright.movement.1@example.id' -Mobile '081234567895'
        $topUp = Add-MayarCredit -CustomerId $registered.CustomerId -ProductId $script:productId -Amount 1234567
        Assert-TableFit -Objects @($topUp) -Whole 'CustomerId', 'Amount', 'BalanceAfter', 'Reconciled'
        $spend = Use-MayarCredit -CustomerId $registered.CustomerId -ProductId $script:productId -Amount 1234567
        Assert-TableFit -Objects @($spend) -Whole 'CustomerId', 'Amount', 'FromWallet', 'FromAddOn'
    }
}

Describe 'Customers in 80 columns' {
    It 'a customer shows its id, status and email whole' {
        $registered = Register-MayarCustomer -ProductId $script:productId -Name 'Bright Customer' -Email 'bright.customer.001@example.id' -Mobile '081234567895'
        $customers = @(Get-MayarCustomer -Email $registered.Email) + @(Get-MayarCustomer -First 2)
        $customers[0].Email.Length | Should -Be 30
        Assert-TableFit -Objects $customers -Whole 'CustomerId', 'Status', 'Email'
    }
}
